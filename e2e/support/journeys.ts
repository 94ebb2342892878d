import { expect, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from './axe';

/**
 * Page objects of the citizen journeys (app/lk/<journey>): start page → questions → «Проверьте ответы» →
 * confirmation. Every step is a plain form post, so the same helpers work with JavaScript on or off.
 */

export function heading(page: Page, name: string | RegExp): Locator {
  return page.getByRole('heading', { level: 1, name });
}

export async function start(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Начать' }).click();
}

export async function next(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Продолжить' }).click();
}

export async function send(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Отправить заявление' }).click();
}

/** A form as the browser would post it with `button` pressed: its named inputs and the button's own value. */
export async function formFields(
  page: Page,
  button = 'Отправить заявление',
): Promise<Record<string, string>> {
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: button }) });
  const inputs = form.locator('input[name]');
  const fields: Record<string, string> = {};
  for (let i = 0; i < (await inputs.count()); i++) {
    const input = inputs.nth(i);
    fields[(await input.getAttribute('name'))!] = (await input.getAttribute('value')) ?? '';
  }
  const submit = form.getByRole('button', { name: button });
  fields[(await submit.getAttribute('name'))!] = (await submit.getAttribute('value'))!;
  return fields;
}

/**
 * Posts a journey's form once more, as a second click or a reload that re-posts would (same session, same
 * origin); the answer must be a page (200), whose HTML is returned.
 */
export async function postAgain(page: Page, path: string, fields: Record<string, string>): Promise<string> {
  const again = await page.request.post(path, {
    multipart: fields,
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(again.status()).toBe(200);
  return again.text();
}

/** «Изменить» on the check page for one answer (its label is part of the button's accessible name). */
export async function change(page: Page, label: string): Promise<void> {
  await page.getByRole('button', { name: `Изменить ${label.toLowerCase()}` }).click();
}

/**
 * The error summary is there, says `message`, links to the field by its id, and the field shows the same
 * words inline.
 */
export async function expectFieldError(page: Page, field: string, message: string | RegExp): Promise<void> {
  const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Есть ошибки' }) });
  await expect(summary).toBeVisible();
  const link = summary.getByRole('link', { name: message });
  await expect(link).toHaveAttribute('href', `#${field}`);
  const target = page.locator(`[id="${field}"]`);
  await expect(target).toHaveCount(1);
  await expect(page.locator(`[id="${field}-error"]`)).toContainText(message);
}

/** The check page's row for an answer. */
export function answer(page: Page, label: string): Locator {
  return page
    .locator('.check-answers__row')
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator('dd')
    .first();
}

/** The confirmation: its title, and the application number it shows (`YYYY-NNNNNNNN`). */
export async function confirmation(page: Page, title: string | RegExp): Promise<string> {
  const panel = page.getByTestId('confirmation');
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText(title);
  const number = (await panel.getByTestId('application-number').textContent())?.trim() ?? '';
  expect(number).toMatch(/^\d{4}-\d{8}$/);
  await expect(page.locator('.journey').getByRole('link', { name: 'Мои заявления' })).toHaveAttribute(
    'href',
    '/lk/zayavleniya',
  );
  return number;
}

/** Runs axe on the page as it is. */
export async function accessible(page: Page): Promise<void> {
  await expectAccessible(page);
}

export interface NewChild {
  lastName: string;
  firstName: string;
  patronymic: string;
  sex: 'Мужской' | 'Женский';
  birthDate: string;
  series: string;
  number: string;
  issueDate: string;
  zags: string;
}

/**
 * A child nobody registered before: the certificate number, and the name and birth date (a different
 * ФИО + birth date, so the register's duplicate check never sends it to an operator), come from the clock
 * and a random part — a rerun, or a parallel test, gets another child.
 */
export function newChild(): NewChild {
  const seed = Date.now() * 1000 + Math.floor(Math.random() * 1000);
  const names = ['Мария', 'Дарья', 'Полина', 'Алиса', 'Ксения', 'Вера', 'Ульяна', 'Софья', 'Ева', 'Нина'];
  const day = 1 + (seed % 28);
  const month = 1 + (Math.floor(seed / 28) % 12);
  // Born 2020–2024: a minor whose certificate (a year after birth) is never dated in the future.
  const year = 2020 + (Math.floor(seed / 336) % 5);
  const birth = `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
  const issue = `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year + 1}`;
  return {
    lastName: 'Попова',
    firstName: names[Math.floor(seed / 4032) % names.length]!,
    patronymic: 'Сергеевна',
    sex: 'Женский',
    birthDate: birth,
    series: 'IV-МЮ',
    number: String(100000 + (seed % 900000)),
    issueDate: issue,
    zags: 'Отдел ЗАГС Москвы № 3',
  };
}

/** Fills the child's page of journey 2. */
export async function fillChild(page: Page, c: NewChild): Promise<void> {
  await page.getByLabel('Фамилия').fill(c.lastName);
  await page.getByLabel('Имя').fill(c.firstName);
  await page.getByLabel('Отчество (если есть)').fill(c.patronymic);
  await page.getByRole('radio', { name: c.sex }).check();
  await page.getByLabel('Дата рождения').fill(c.birthDate);
}

/** Fills the certificate's page of journey 2. */
export async function fillCertificate(page: Page, c: NewChild): Promise<void> {
  await page.getByLabel('Серия').fill(c.series);
  await page.getByLabel('Номер').fill(c.number);
  await page.getByLabel('Дата выдачи').fill(c.issueDate);
  await page.getByLabel('Кем выдано (орган ЗАГС)').fill(c.zags);
}

/**
 * Journey 2 without the detours: registers `child` for the signed-in parent with the insurer `insurerCode`
 * (a radio's value: the insurers' short names repeat across regions) and returns the confirmation text.
 */
export async function registerChild(page: Page, child: NewChild, insurerCode?: string): Promise<string> {
  await page.goto('/lk/rebenok');
  await start(page);
  await fillChild(page, child);
  await next(page);
  await fillCertificate(page, child);
  await next(page);
  if (insurerCode) await page.locator(`input[name="insurerCode"][value="${insurerCode}"]`).check();
  else await page.getByRole('radio').first().check();
  await next(page);
  await send(page);
  await confirmation(page, 'Ребёнок зарегистрирован');
  return (await page.getByTestId('confirmation').textContent()) ?? '';
}

export function childName(c: NewChild): string {
  return `${c.lastName} ${c.firstName} ${c.patronymic}`;
}
