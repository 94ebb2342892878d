import { expect, type Browser, type Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { signInAsSynthetic } from './citizen';
import { newPerson, type OwnPerson } from './people';
import { signInAsStaff } from './staff';

/**
 * The start pages of the seven journeys, written out here rather than read from the product's list
 * (lib/portal/citizen-services.ts): a journey dropped there must fail the tests that expect it.
 */
export const JOURNEY_PAGES: readonly string[] = [
  '/lk/poluchit-polis',
  '/lk/rebenok',
  '/lk/smena-smo',
  '/lk/pereezd',
  '/lk/priostanovit',
  '/lk/vozobnovit',
  '/lk/poliklinika',
];

/** The cabinet's sections, likewise independent of the product's list. */
export const CABINET_SECTIONS: readonly string[] = [
  '/lk/polis',
  '/lk/zayavleniya',
  '/lk/uvedomleniya',
  '/lk/prosmotry',
];

/** `7700 0000 0000 0016`, as the portal prints a ЕНП. */
export function spacedEnp(enp: string): string {
  return enp.replace(/(\d{4})(?=\d)/g, '$1 ');
}

export async function pdfText(pdf: Uint8Array): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: true });
  return text;
}

/** The verification code printed on an extract (`XXXXX-XXXXX-XXXXX-XXXXX-XXXXXX`). */
export function extractCode(text: string): string {
  const match = /[0-9A-HJKMNP-TV-Z]{5}(?:-[0-9A-HJKMNP-TV-Z]{5}){3}-[0-9A-HJKMNP-TV-Z]{6}/.exec(text);
  if (!match) throw new Error(`No verification code in the extract:\n${text}`);
  return match[0];
}

/**
 * Presses «Скачать выписку (PDF)» on the policy page that is open and returns the downloaded file — the
 * browser's own download, so it proves the plain form post works (with or without JavaScript).
 */
export async function downloadExtract(page: Page): Promise<{ fileName: string; pdf: Uint8Array }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Скачать выписку (PDF)' }).click();
  const file = await download;
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { fileName: file.suggestedFilename(), pdf: new Uint8Array(Buffer.concat(chunks)) };
}

/**
 * A clinic registrar (demo staff `registrator`, МО 770001 «ГБУЗ «ГП № 1»») looks a ЕНП up in the clinic
 * workspace, in a browser context of their own: what journey 9 shows back to the citizen.
 */
export async function lookUpAsRegistrar(browser: Browser, baseURL: string, enp: string): Promise<void> {
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    await signInAsStaff(page, 'registrator');
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'По ЕНП' }) });
    await form.getByLabel('ЕНП').fill(enp);
    await form.getByRole('button', { name: 'Проверить по ЕНП' }).click();
    await expect(page.getByTestId('lookup-result')).toBeVisible();
  } finally {
    await context.close();
  }
}

/** The registrar's clinic, as journey 9 names it. */
export const REGISTRAR_CLINIC = 'ГБУЗ «ГП № 1»';

/** Nothing wider than the screen: no sideways scrolling on a phone. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `horizontal overflow on ${page.url()}`).toBeLessThanOrEqual(0);
}

/** An application as the list «Мои заявления» shows it. */
export interface ListedApplication {
  id: number;
  number: string;
}

export async function listedApplication(page: Page, index = 0): Promise<ListedApplication> {
  const item = page.getByTestId('application').nth(index);
  const id = Number(await item.getAttribute('data-application-id'));
  const href = (await item.getByRole('link').first().getAttribute('href')) ?? '';
  const number = href.replace(/^\/lk\/zayavleniya\//, '');
  expect(number).toMatch(/^\d{4}-\d{8}$/);
  return { id, number };
}

/**
 * A person of the test's own with exactly one application, signed in on `page`: attached to «ГП № 1» since
 * last year, they move to «ГП № 2» through journey 6's own pages (decided by the register at once, so the
 * application has its status changes and the person their notifications). Ends on «Мои заявления».
 */
export async function makeOwnApplication(page: Page): Promise<ListedApplication & { person: OwnPerson }> {
  const person = await newPerson({ moCode: '770001' });
  await signInAsSynthetic(page, person.seed, '/lk/poliklinika');
  await page.getByRole('button', { name: 'Начать' }).click();
  await page.getByRole('radio', { name: 'ГБУЗ «ГП № 2»', exact: true }).check();
  await page.getByRole('button', { name: 'Продолжить' }).click();
  await page.getByRole('button', { name: 'Отправить заявление' }).click();
  const number = (await page.getByTestId('application-number').textContent())?.trim() ?? '';
  expect(number).toMatch(/^\d{4}-\d{8}$/);
  await page.goto('/lk/zayavleniya');
  await expect(page.getByTestId('application')).toHaveCount(1);
  const listed = await listedApplication(page);
  expect(listed.number).toBe(number);
  return { ...listed, person };
}
