import { expect, test, type Page } from '@playwright/test';
import { closeDb } from '../db/client';
import { expectAccessible } from './support/axe';
import { ru } from './support/demo';
import { newPerson, type OwnPerson } from './support/people';
import { signInAsStaff } from './support/staff';

/**
 * Issue 11, items 2–4 in the browser: a regional fund's operator finds a person of the test's own by ФИО
 * with a typo, opens the card with a purpose, corrects a coverage period after the fact and sees the card
 * "as known now" and "as known before the correction"; the same without JavaScript; axe on every state
 * (with JavaScript: axe runs in the page).
 */
test.afterAll(async () => {
  await closeDb();
});

/** The name with one letter dropped from the patronymic and in capitals: a typo and another case. */
function typedWithTypo(person: OwnPerson): string {
  const [last, first, patronymic] = person.name.split(' ');
  return [last, first, `${patronymic!.slice(0, 3)}${patronymic!.slice(4)}`].join(' ').toUpperCase();
}

async function openCardFromSearch(page: Page, person: OwnPerson): Promise<void> {
  const byName = page.locator('form', { has: page.getByRole('heading', { name: 'По ФИО и дате рождения' }) });
  await byName.getByLabel('Фамилия, имя, отчество').fill(typedWithTypo(person));
  await byName.getByLabel('Дата рождения').fill(ru(person.birthDate));
  await byName.getByRole('button', { name: 'Найти по ФИО' }).click();
  const results = page.getByTestId('search-results');
  const row = results.getByRole('row', { name: new RegExp(person.enp) });
  await expect(row).toContainText('По ФИО и дате рождения (сходство');
  await expectAccessible(page);
  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Карточка застрахованного' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Цель просмотра').selectOption('data_check');
  await page.getByRole('button', { name: 'Открыть карточку' }).click();
  await expect(page.getByRole('heading', { level: 1, name: person.name })).toBeVisible();
  await expect(page.getByTestId('identity')).toContainText(person.enp);
}

test('search with a typo → card with a purpose → retroactive coverage correction → as known before', async ({
  page,
}) => {
  const since = `${new Date().getUTCFullYear() - 1}-01-15`;
  const person = await newPerson({ since });
  await signInAsStaff(page, 'tfoms77', undefined, { next: '/konsol/poisk' });
  await openCardFromSearch(page, person);
  await expect(page.getByTestId('coverage-timeline')).toHaveAttribute('aria-label', /Периоды страхования/);
  // The opening is in the card's own access log, with the purpose.
  await expect(page.getByTestId('access-log')).toContainText('карточка: проверка и исправление данных');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Исправить период' }).click();
  await expect(page.getByRole('heading', { name: 'Исправление: период страхования' })).toBeVisible();
  await page.getByLabel('Начало периода').fill(ru(`${since.slice(0, 4)}-01-10`));
  await page.getByRole('button', { name: 'Записать исправление' }).click();
  // The reason is mandatory: the error is named, the typed date kept.
  await expect(page.getByRole('alert', { name: 'Есть ошибки' })).toContainText(
    'Укажите основание исправления',
  );
  await expect(page.getByLabel('Начало периода')).toHaveValue(ru(`${since.slice(0, 4)}-01-10`));
  await expectAccessible(page);
  await page.getByLabel('Основание исправления').fill('Дата начала введена неверно, исправлено по заявлению');
  await page.getByRole('button', { name: 'Записать исправление' }).click();

  await expect(page.getByRole('status')).toHaveText('Исправление записано в регистр.');
  const now = page.locator('table').filter({ hasText: 'Записано' }).first();
  await expect(now).toContainText(ru(`${since.slice(0, 4)}-01-10`));
  const history = page.getByTestId('register-history');
  await expect(history).toContainText('Дата начала введена неверно');
  // Every event in words, never its code (`coverage.corrected`).
  await expect(history).toContainText('Исправление периода страхования');
  await expect(history).toContainText('Включение в регистр');
  await expect(history).not.toContainText(/\b[a-z_]+\.[a-z_]+\b/);
  await page.getByRole('link', { name: /до исправления от/ }).click();
  const before = page.getByTestId('coverage-known-at');
  await expect(before.getByRole('heading', { name: /Как было известно на/ })).toBeVisible();
  await expect(before.getByRole('table')).toContainText(ru(since));
  await expect(before.getByRole('table')).not.toContainText(ru(`${since.slice(0, 4)}-01-10`));
  await expectAccessible(page);
});

test('an insurer of another person sees nobody in the search and no card', async ({ page }) => {
  const person = await newPerson({ insurerCode: '77002' });
  await signInAsStaff(page, 'smo77001', undefined, { next: '/konsol/poisk' });
  const byEnp = page.locator('form', { has: page.getByRole('heading', { name: 'По ЕНП' }) });
  await byEnp.getByLabel('ЕНП').fill(person.enp);
  await byEnp.getByRole('button', { name: 'Найти по ЕНП' }).click();
  await expect(page.getByTestId('search-results')).toContainText('Никого не найдено в вашей зоне доступа');
  await page.goto(`/konsol/lica/${person.personId}?cel=citizen_request`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Нет доступа');
  await expect(page.locator('body')).not.toContainText(person.enp);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('search by ЕНП, the card and a correction of the name work as plain forms', async ({ page }) => {
    const person = await newPerson();
    await signInAsStaff(page, 'tfoms77', undefined, { next: '/konsol/poisk' });
    const byEnp = page.locator('form', { has: page.getByRole('heading', { name: 'По ЕНП' }) });
    await byEnp.getByLabel('ЕНП').fill(person.enp);
    await byEnp.getByRole('button', { name: 'Найти по ЕНП' }).click();
    const row = page.getByTestId('search-results').getByRole('row', { name: new RegExp(person.enp) });
    await expect(row).toContainText('По ЕНП');
    await page.goto(`/konsol/lica/${person.personId}?cel=citizen_request`);
    await page.getByRole('link', { name: 'Исправить данные человека' }).click();
    const [last] = person.name.split(' ');
    await page.getByLabel('Фамилия', { exact: true }).fill(`${last}а-Новикова`);
    await page.getByLabel('Основание исправления').fill('Смена фамилии по свидетельству о браке');
    await page.getByRole('button', { name: 'Записать исправление' }).click();
    await expect(page.getByRole('status')).toHaveText('Исправление записано в регистр.');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`${last}а-Новикова`);
  });
});
