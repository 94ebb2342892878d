import { expect, test, type Page } from '@playwright/test';
import { totpCode } from '../lib/auth/totp';
import { expectAccessible } from './support/axe';
import { newStaff, signInAsOwnStaff, signInAsStaff } from './support/staff';

/** The row of an account or key in its table. */
const row = (page: Page, testId: string, attr: string, value: string) =>
  page.getByTestId(testId).locator(`tr[${attr}="${value}"]`);

test.describe('console: staff accounts', () => {
  test('an administrator creates an account (password shown once), blocks it — its session stops — and unblocks it', async ({
    page,
    browser,
  }) => {
    const admin = await newStaff('ffoms_admin');
    await signInAsOwnStaff(page, admin, '/konsol/sotrudniki');
    await expectAccessible(page);

    // A form with errors keeps what was typed and names each field.
    const login = `t-created-${Date.now().toString(36)}`;
    await page.getByLabel('Логин').fill(login);
    await page.getByRole('button', { name: 'Создать учётную запись' }).click();
    const summary = page.getByRole('alert', { name: 'Есть ошибки' });
    await expect(summary).toContainText('Укажите ФИО сотрудника');
    await expect(summary).toContainText('Выберите роль');
    await expect(page.getByLabel('Логин')).toHaveValue(login);
    await expectAccessible(page);

    await page.getByLabel('ФИО сотрудника').fill('Созданова Вера Павловна');
    await page.getByLabel('Роль').selectOption({ label: 'Оператор ТФОМС' });
    await page.getByLabel('Код региона').fill('50');
    await page.getByRole('button', { name: 'Создать учётную запись' }).click();
    const created = page.getByTestId('account-created');
    await expect(created).toContainText(`Учётная запись ${login} создана`);
    const password = (await created.locator('code').textContent())!;

    // The new employee signs in elsewhere with that password.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signInAsStaff(otherPage, login, password, { role: 'tfoms_operator' });

    await page.goto('/konsol/sotrudniki');
    await expect(row(page, 'staff-accounts', 'data-login', login)).toContainText('ТФОМС, регион 50');
    await page.getByRole('button', { name: `Заблокировать ${login}` }).click();
    await expect(page.getByRole('status')).toContainText('Учётная запись заблокирована');
    await expect(row(page, 'staff-accounts', 'data-login', login)).toContainText('Заблокирована');

    // Blocked: the other browser's session no longer opens the console.
    await otherPage.goto('/konsol');
    await expect(otherPage).toHaveURL(/\/vhod\?next=%2Fkonsol$/);

    await page.getByRole('button', { name: `Разблокировать ${login}` }).click();
    await expect(page.getByRole('status')).toContainText('Учётная запись разблокирована');
    await signInAsStaff(otherPage, login, password, { role: 'tfoms_operator' });
    await other.close();
  });

  test('a ТФОМС operator sees only its region’s registrars and СМО operators, and re-scopes within its region', async ({
    page,
  }) => {
    const operator = await newStaff('tfoms_operator', { subjectCode: '77' });
    const mine = await newStaff('clinic_registrar', { moCode: '770001' });
    const notMine = await newStaff('clinic_registrar', { moCode: '500001' });
    await signInAsOwnStaff(page, operator, '/konsol/sotrudniki');
    await expect(row(page, 'staff-accounts', 'data-login', mine.login)).toBeVisible();
    await expect(row(page, 'staff-accounts', 'data-login', notMine.login)).toHaveCount(0);
    await expect(row(page, 'staff-accounts', 'data-login', 'ffoms')).toHaveCount(0);

    await page.getByRole('link', { name: `Изменить полномочия ${mine.login}` }).click();
    await expectAccessible(page);
    await page.getByLabel('Код МО').fill('500001');
    await page.getByRole('button', { name: 'Сохранить полномочия' }).click();
    await expect(page.getByRole('alert', { name: 'Есть ошибки' })).toContainText('Недостаточно прав');
    await expect(page.getByLabel('Код МО')).toHaveValue('500001');
    await page.getByLabel('Код МО').fill('770002');
    await page.getByRole('button', { name: 'Сохранить полномочия' }).click();
    await expect(page.getByRole('status')).toContainText('Полномочия учётной записи изменены');
    await expect(row(page, 'staff-accounts', 'data-login', mine.login)).toContainText('МО 770002');
  });

  test('an СМО operator has no access to accounts or keys', async ({ page }) => {
    await signInAsOwnStaff(page, await newStaff('smo_operator'), '/konsol/profil');
    for (const path of ['/konsol/sotrudniki', '/konsol/klyuchi']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Нет доступа');
    }
  });
});

test.describe('console: clinic API keys', () => {
  test('a ТФОМС operator issues a key shown once, sees it listed by prefix, and revokes it', async ({
    page,
    request,
  }) => {
    const operator = await newStaff('tfoms_operator', { subjectCode: '77' });
    await signInAsOwnStaff(page, operator, '/konsol/klyuchi');
    await expectAccessible(page);
    await page.getByLabel('Код МО').fill('500001');
    await page.getByRole('button', { name: 'Выпустить ключ' }).click();
    await expect(page.getByRole('alert', { name: 'Есть ошибки' })).toContainText('Недостаточно прав');

    await page.getByLabel('Код МО').fill('770003');
    await page.getByLabel('Описание (необязательно)').fill('МИС «Проверка»');
    await page.getByRole('button', { name: 'Выпустить ключ' }).click();
    const key = (await page.getByTestId('issued-key').textContent())!;
    expect(key).toMatch(/^oms_[0-9a-f]{8}_/);
    const prefix = key.slice(4, 12);
    const lookup = () =>
      request.get('/api/v1/lookup?enp=7700000000000016', { headers: { Authorization: `Bearer ${key}` } });
    expect((await lookup()).status()).not.toBe(401);

    await page.goto('/konsol/klyuchi');
    await expect(row(page, 'api-keys', 'data-prefix', prefix)).toContainText('МИС «Проверка»');
    await expect(page.getByTestId('api-keys')).not.toContainText(key.slice(13));
    await page.getByRole('button', { name: `Отозвать ключ ${prefix}` }).click();
    await expect(page.getByRole('status')).toContainText(`Ключ ${prefix} отозван`);
    await expect(row(page, 'api-keys', 'data-prefix', prefix)).toContainText('Отозван');
    expect((await lookup()).status()).toBe(401);
  });
});

test.describe('console: profile', () => {
  test('password change needs the current password, ends other sessions and keeps this one', async ({
    page,
    browser,
  }) => {
    const me = await newStaff('smo_operator');
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signInAsOwnStaff(otherPage, me);
    await signInAsOwnStaff(page, me, '/konsol/profil');
    await expectAccessible(page);

    await page.getByLabel('Текущий пароль').fill('not-my-password');
    await page.getByLabel('Новый пароль', { exact: true }).fill('a-brand-new-password');
    await page.getByLabel('Новый пароль ещё раз').fill('a-brand-new-password');
    await page.getByRole('button', { name: 'Сменить пароль' }).click();
    await expect(page.getByRole('alert', { name: 'Есть ошибки' })).toContainText(
      'Текущий пароль указан неверно',
    );
    await expectAccessible(page);

    await page.getByLabel('Текущий пароль').fill(me.password);
    await page.getByLabel('Новый пароль', { exact: true }).fill('a-brand-new-password');
    await page.getByLabel('Новый пароль ещё раз').fill('a-brand-new-password');
    await page.getByRole('button', { name: 'Сменить пароль' }).click();
    await expect(page.getByRole('status')).toContainText('Пароль изменён');

    await page.goto('/konsol');
    await expect(page).toHaveURL(/\/konsol$/);
    await otherPage.goto('/konsol');
    await expect(otherPage).toHaveURL(/\/vhod\?next=%2Fkonsol$/);
    await signInAsOwnStaff(otherPage, { ...me, password: 'a-brand-new-password' });
    await other.close();
  });

  test('an operator enrols TOTP from the profile; sign-out everywhere ends every session', async ({
    page,
    browser,
  }) => {
    const me = await newStaff('tfoms_operator', { subjectCode: '50' });
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signInAsOwnStaff(otherPage, me);
    await signInAsOwnStaff(page, me, '/konsol/profil');
    await expect(page.getByTestId('totp-status')).toContainText('Не подключён');
    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s+/g, '');
    await page.getByLabel('Код из приложения').fill(totpCode(secret, new Date()));
    await page.getByRole('button', { name: 'Подключить' }).click();
    await expect(page.getByRole('list', { name: 'Резервные коды' }).getByRole('listitem')).toHaveCount(10);
    await page.getByRole('link', { name: 'Я сохранил коды, продолжить' }).click();
    await expect(page.getByTestId('totp-status')).toContainText('Подключён');

    await page.getByRole('button', { name: 'Выйти на всех устройствах' }).click();
    await expect(page).toHaveURL(/\/vhod$/);
    await otherPage.goto('/konsol');
    await expect(otherPage).toHaveURL(/\/vhod\?next=%2Fkonsol$/);
    await page.goto('/konsol');
    await expect(page).toHaveURL(/\/vhod\?next=%2Fkonsol$/);
    // The next sign-in asks for the code.
    await signInAsOwnStaff(page, { ...me, totpSecret: secret });
    await other.close();
  });
});
