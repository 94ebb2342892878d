import { expect, type Page } from '@playwright/test';
import { fullName, testCitizen, type TestCitizen } from '../../lib/auth/esia-dev/test-citizens';

/** A test citizen of the development ЕСИА provider (see lib/auth/esia-dev/test-citizens.ts). */
export function citizen(key: string): TestCitizen & { name: string } {
  const c = testCitizen(key);
  return { ...c, name: fullName(c) };
}

const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The real flow: the portal's «Войти через Госуслуги (ЕСИА)», the development provider's page (where
 * `choose` picks the account), next-auth's callback, and back to `next` in the cabinet. Works with
 * JavaScript on or off. Start from a context that is not signed in as a citizen.
 */
async function signInThroughProvider(
  page: Page,
  next: string,
  choose: () => Promise<void>,
  start: { page: string; button: string } = { page: '/lk/vhod', button: 'Войти через Госуслуги (ЕСИА)' },
): Promise<void> {
  await page.goto(`${start.page}?next=${encodeURIComponent(next)}`);
  await page.getByRole('button', { name: start.button }).click();
  await expect(page).toHaveURL(/\/esia-dev\/interaction\//);
  await choose();
  await expect(page).toHaveURL(new RegExp(`${escaped(next)}$`));
}

/** Signs a listed test citizen in («Войти как …» on the provider's page). */
export async function signInAsCitizen(page: Page, key: string, next = '/lk'): Promise<void> {
  const { name } = citizen(key);
  await signInThroughProvider(page, next, () =>
    page.getByRole('button', { name: `Войти как ${name}`, exact: true }).click(),
  );
}

/**
 * Signs a synthetic citizen in by their seed (the provider's «Синтетический гражданин» form, offered on the
 * embedded database only): a person of the test's own, see e2e/support/people.ts.
 */
export async function signInAsSynthetic(page: Page, seed: string, next = '/lk'): Promise<void> {
  await signInThroughProvider(page, next, async () => {
    await page.getByLabel('Ключ синтетического гражданина').fill(seed);
    await page.getByRole('button', { name: 'Войти как синтетический гражданин' }).click();
  });
}

/** Signs out with the cabinet's sign-out form; lands on the start page. */
export async function signOutCitizen(page: Page): Promise<void> {
  await page.goto('/lk/vyhod');
  await page.getByRole('button', { name: 'Выйти из личного кабинета' }).click();
  await expect(page).toHaveURL(/\/$/);
}

/**
 * Signs a synthetic eGov citizen of Kazakhstan's register in by their seed (ADR 0032): the cabinet's
 * «Войти через eGov», the development provider's «Синтетический гражданин» form, back to `next`.
 */
export async function signInAsSyntheticKz(page: Page, seed: string, next = '/kabinet'): Promise<void> {
  await signInThroughProvider(
    page,
    next,
    async () => {
      await page.getByLabel('Ключ синтетического гражданина').fill(seed);
      await page.getByRole('button', { name: 'Войти как синтетический гражданин' }).click();
    },
    { page: '/kabinet/vhod', button: 'Войти через eGov' },
  );
}
