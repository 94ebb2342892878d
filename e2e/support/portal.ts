import { expect, type Browser, type Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { signInAsCitizen } from './citizen';
import { signInAsStaff } from './staff';

/** Today in Moscow as ДД.ММ.ГГГГ — how the portal shows dates. */
export function todayRu(): string {
  return new Intl.DateTimeFormat('ru-RU', {
    timeZone: 'Europe/Moscow',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date());
}

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

/**
 * The newest application of a citizen (an application about their child counts), making one when they
 * have none: an attachment to a clinic through journey 6 (`/lk/poliklinika`). Fails when none can be had.
 */
export async function ensureApplicationOf(
  browser: Browser,
  baseURL: string,
  key: string,
): Promise<ListedApplication> {
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    await signInAsCitizen(page, key, '/lk/zayavleniya');
    if ((await page.getByTestId('application').count()) === 0) {
      // Another test may be making one at the same time: whichever way, look at the list again.
      await makeAttachmentApplication(page);
      await page.goto('/lk/zayavleniya');
      expect(await page.getByTestId('application').count(), `an application of ${key}`).toBeGreaterThan(0);
    }
    return await listedApplication(page);
  } finally {
    await context.close();
  }
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
 * Journey 6 through its own pages, by the demo parent for his daughter (so his own policy and clinic stay
 * as seeded): the child is moved to the other children's polyclinic of Moscow. Returns false when the
 * register allows no change now (a parallel test moved the child this year already).
 */
export async function makeAttachmentApplication(page: Page): Promise<boolean> {
  const response = await page.goto('/lk/poliklinika');
  expect(response?.status()).toBe(200);
  await page.getByRole('button', { name: 'Начать' }).click();
  await page.getByLabel('Иванова Анна Сергеевна').check();
  await page.getByRole('button', { name: 'Продолжить' }).click();
  const blocked = page.getByRole('heading', { name: 'Сменить поликлинику сейчас нельзя' });
  const clinics = page.getByRole('group', { name: 'Выберите поликлинику' });
  await expect(blocked.or(clinics)).toBeVisible();
  if (await blocked.isVisible()) return false;
  const now = (await clinics.innerText()).includes('Сейчас: ГБУЗ «ДГП № 2»')
    ? 'ГБУЗ «ДГП № 2»'
    : 'ГБУЗ «ДГП № 1»';
  const other = now === 'ГБУЗ «ДГП № 1»' ? 'ГБУЗ «ДГП № 2»' : 'ГБУЗ «ДГП № 1»';
  await clinics.getByLabel(other, { exact: true }).check();
  await page.getByRole('button', { name: 'Продолжить' }).click();
  await page.getByRole('button', { name: 'Отправить заявление' }).click();
  await expect(page.getByTestId('application-number')).toHaveText(/^\d{4}-\d{8}$/);
  return true;
}
