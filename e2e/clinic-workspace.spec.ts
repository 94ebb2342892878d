import { expect, test, type Page } from '@playwright/test';
import { demoPerson, ru } from './support/demo';
import { signInAsStaff } from './support/staff';

const result = (page: Page) => page.getByTestId('lookup-result');

test.describe('clinic workspace: a registrar looks a policy up', () => {
  test('by ЕНП: insured, with name, insurer and region', async ({ page }) => {
    const person = demoPerson('active-moscow-parent');
    await signInAsStaff(page, 'registrator');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Проверка полиса ОМС');
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'По ЕНП' }) });
    await form.getByLabel('ЕНП').fill(person.enp);
    await form.getByRole('button', { name: 'Проверить по ЕНП' }).click();
    await expect(result(page).getByRole('heading')).toHaveText('Застрахован');
    await expect(result(page)).toContainText(`${person.lastName} ${person.firstName}`);
    await expect(result(page)).toContainText(ru(person.birthDate));
    await expect(result(page)).toContainText('город Москва');
  });

  test('by document with birth date; a suspended policy says why', async ({ page }) => {
    const person = demoPerson('suspended-military-service');
    await signInAsStaff(page, 'registrator');
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'По документу' }) });
    await form.getByLabel('Серия').fill(person.document.series ?? '');
    await form.getByLabel('Номер').fill(person.document.number);
    await form.getByLabel('Дата рождения').fill(ru(person.birthDate));
    await form.getByRole('button', { name: 'Проверить по документу' }).click();
    await expect(result(page).getByRole('heading')).toHaveText('Полис приостановлен');
    await expect(result(page)).toContainText('военной службы');
  });

  test('a document without birth date is refused with the field named, and the input is kept', async ({
    page,
  }) => {
    await signInAsStaff(page, 'registrator');
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'По документу' }) });
    await form.getByLabel('Серия').fill('4510');
    await form.getByLabel('Номер').fill('123456');
    await form.getByRole('button', { name: 'Проверить по документу' }).click();
    const summary = page.getByRole('alert', { name: 'Есть ошибки' });
    await expect(summary).toContainText('Поиск по документу возможен только вместе с датой рождения.');
    await summary.getByRole('link', { name: /датой рождения/ }).click();
    await expect(form.getByLabel('Дата рождения')).toBeFocused();
    await expect(form.getByLabel('Номер')).toHaveValue('123456');
    await expect(result(page)).toHaveCount(0);
  });

  test('a deceased person is shown as not valid, with the reason', async ({ page }) => {
    const person = demoPerson('deceased');
    await signInAsStaff(page, 'registrator');
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'По ЕНП' }) });
    await form.getByLabel('ЕНП').fill(person.enp);
    await form.getByRole('button', { name: 'Проверить по ЕНП' }).click();
    await expect(result(page).getByRole('heading')).toHaveText('Полис не действует');
    await expect(result(page)).toContainText('смерть');
  });
});

test.describe('clinic workspace without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('sign-in and a lookup by СНИЛС work with plain form posts', async ({ page }) => {
    const person = demoPerson('active-moscow-parent');
    await signInAsStaff(page, 'registrator');
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'По СНИЛС' }) });
    await form.getByLabel('СНИЛС').fill(person.snils ?? '');
    await form.getByLabel('Дата рождения').fill(ru(person.birthDate));
    await form.getByRole('button', { name: 'Проверить по СНИЛС' }).click();
    await expect(result(page).getByRole('heading')).toHaveText('Застрахован');
  });
});

test.describe('clinic workspace access', () => {
  test('signed out: sent to the staff sign-in', async ({ page }) => {
    await page.goto('/clinic');
    await expect(page).toHaveURL(/\/vhod\?next=(%2F|\/)clinic$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Вход для сотрудников');
  });

  test('a wrong password is refused without saying which part was wrong', async ({ page }) => {
    await page.goto('/vhod');
    await page.getByLabel('Логин').fill('registrator');
    await page.getByLabel('Пароль').fill('not-the-password');
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect(page.getByRole('alert', { name: 'Есть ошибки' })).toContainText('Неверный логин или пароль');
    await expect(page.getByLabel('Пароль')).toHaveValue('');
    await expect(page.getByLabel('Логин')).toHaveValue('registrator');
  });

  test('another staff role cannot use the workspace', async ({ page }) => {
    await signInAsStaff(page, 'tfoms77', undefined, { next: '/clinic' });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Нет доступа');
    await expect(page.getByRole('button', { name: 'Проверить по ЕНП' })).toHaveCount(0);
  });

  test('signing out ends the session', async ({ page }) => {
    await signInAsStaff(page, 'registrator');
    await page.getByRole('button', { name: 'Выйти' }).click();
    await expect(page).toHaveURL(/\/vhod$/);
    await page.goto('/clinic');
    await expect(page).toHaveURL(/\/vhod\?next=(%2F|\/)clinic$/);
  });
});
