import { expect, test } from '@playwright/test';
import { DEMO_STAFF } from '../lib/auth/demo-staff';
import { totpCode } from '../lib/auth/totp';
import { expectAccessible } from './support/axe';
import { newStaff, signInAsOwnStaff, signInAsStaff } from './support/staff';

test.describe('staff sign-in', () => {
  test('the demo administrator signs in with password and TOTP code and lands in the console', async ({
    page,
  }) => {
    await page.goto('/vhod');
    await page.getByLabel('Логин').fill('ffoms');
    await page.getByLabel('Пароль').fill(DEMO_STAFF.find((s) => s.login === 'ffoms')!.password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect(page).toHaveURL(/\/vhod\/kod$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Код подтверждения входа');
    await expectAccessible(page);
    // Not signed in yet: the console sends the half-signed-in back to the sign-in.
    await page.goto('/konsol');
    await expect(page).toHaveURL(/\/vhod\?next=%2Fkonsol$/);
    await signInAsStaff(page, 'ffoms');
    await expect(page.getByText('Орлова Наталья Андреевна · Администратор ФФОМС')).toBeVisible();
  });

  test('a wrong code is refused with a message that keeps the person on the code page', async ({ page }) => {
    const admin = await newStaff('ffoms_admin');
    await page.goto('/vhod');
    await page.getByLabel('Логин').fill(admin.login);
    await page.getByLabel('Пароль').fill(admin.password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByLabel('Код', { exact: true }).fill('000000');
    await page.getByRole('button', { name: 'Подтвердить' }).click();
    await expect(page.getByRole('alert', { name: 'Есть ошибки' })).toContainText(
      'Код неверный или уже использован',
    );
    await expect(page).toHaveURL(/\/vhod\/kod$/);
    await expectAccessible(page);
  });

  test('a registrar lands in the clinic workspace, a ТФОМС operator in the console', async ({ page }) => {
    await signInAsStaff(page, 'registrator');
    await expect(page.getByRole('button', { name: 'Проверить по ЕНП' })).toBeVisible();
    const operator = await newStaff('tfoms_operator', { subjectCode: '50' });
    await page.context().clearCookies();
    await signInAsOwnStaff(page, operator);
    await expect(page.getByText('Оператор ТФОМС · ТФОМС, регион 50')).toBeVisible();
  });

  test('five wrong passwords lock the account, with the time the lock lifts', async ({ page }) => {
    const operator = await newStaff('smo_operator');
    for (let i = 0; i < 4; i++) {
      // A fresh page each time: the previous answer's message must not stand in for this one's.
      await page.goto('/vhod');
      await page.getByLabel('Логин').fill(operator.login);
      await page.getByLabel('Пароль').fill(`wrong-${i}`);
      await page.getByRole('button', { name: 'Войти' }).click();
      await expect(page.getByRole('alert', { name: 'Есть ошибки' })).toContainText(
        'Неверный логин или пароль',
      );
    }
    await page.goto('/vhod');
    await page.getByLabel('Логин').fill(operator.login);
    await page.getByLabel('Пароль').fill('wrong-4');
    await page.getByRole('button', { name: 'Войти' }).click();
    const lifts = new Date(Date.now() + 15 * 60_000);
    await expect(page.getByRole('alert', { name: 'Есть ошибки' })).toContainText(
      /Вход временно заблокирован из-за нескольких неудачных попыток\. Повторите вход после \d\d:\d\d/,
    );
    const shown = (await page.getByRole('alert', { name: 'Есть ошибки' }).textContent())!.match(
      /после (\d\d:\d\d)/,
    )![1]!;
    const expected = lifts.toLocaleTimeString('ru-RU', {
      timeZone: 'Europe/Moscow',
      hour: '2-digit',
      minute: '2-digit',
    });
    const next = new Date(lifts.getTime() + 60_000).toLocaleTimeString('ru-RU', {
      timeZone: 'Europe/Moscow',
      hour: '2-digit',
      minute: '2-digit',
    });
    expect([expected, next]).toContain(shown);
    // The login stays in the form; the right password does not help while locked.
    await expect(page.getByLabel('Логин')).toHaveValue(operator.login);
    await expectAccessible(page);
    await page.goto('/vhod');
    await page.getByLabel('Логин').fill(operator.login);
    await page.getByLabel('Пароль').fill(operator.password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect(page.getByRole('alert', { name: 'Есть ошибки' })).toContainText(
      'Вход временно заблокирован',
    );
    await expect(page).toHaveURL(/\/vhod$/);
  });

  test('an administrator without TOTP enrols right after the password, then gets recovery codes once', async ({
    page,
  }) => {
    const admin = await newStaff('ffoms_admin', {}, { totp: false });
    await page.goto('/vhod');
    await page.getByLabel('Логин').fill(admin.login);
    await page.getByLabel('Пароль').fill(admin.password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect(page).toHaveURL(/\/vhod\/podklyuchenie$/);
    await expect(page.getByRole('img', { name: 'QR-код для приложения-аутентификатора' })).toBeVisible();
    await expectAccessible(page);
    // No console page before enrolment.
    await page.goto('/konsol/profil');
    await expect(page).toHaveURL(/\/vhod\?next=/);
    await page.goto('/vhod/podklyuchenie');
    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s+/g, '');
    await page.getByLabel('Код из приложения').fill('12345');
    await page.getByRole('button', { name: 'Подключить' }).click();
    await expect(page.getByRole('alert', { name: 'Есть ошибки' })).toContainText('Введите 6 цифр');
    await page.getByLabel('Код из приложения').fill(totpCode(secret, new Date()));
    await page.getByRole('button', { name: 'Подключить' }).click();
    const codes = page.getByRole('list', { name: 'Резервные коды' }).getByRole('listitem');
    await expect(codes).toHaveCount(10);
    await expectAccessible(page);
    const recovery = (await codes.nth(0).textContent())!;
    await page.getByRole('link', { name: 'Я сохранил коды, продолжить' }).click();
    await expect(page).toHaveURL(/\/konsol$/);

    // Next time: a recovery code instead of the app's code, once.
    await page.context().clearCookies();
    await page.goto('/vhod');
    await page.getByLabel('Логин').fill(admin.login);
    await page.getByLabel('Пароль').fill(admin.password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByLabel('Код', { exact: true }).fill(recovery);
    await page.getByRole('button', { name: 'Подтвердить' }).click();
    await expect(page).toHaveURL(/\/konsol$/);
  });
});
