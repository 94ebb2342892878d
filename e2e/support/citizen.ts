import { expect, type Page } from '@playwright/test';
import { fullName, testCitizen, type TestCitizen } from '../../lib/auth/esia-dev/test-citizens';

/** A test citizen of the development ЕСИА provider (see lib/auth/esia-dev/test-citizens.ts). */
export function citizen(key: string): TestCitizen & { name: string } {
  const c = testCitizen(key);
  return { ...c, name: fullName(c) };
}

/**
 * Signs a test citizen in through the real flow: the portal's «Войти через Госуслуги (ЕСИА)», the
 * development provider's page («Войти как …»), next-auth's callback, and back to `next` in the cabinet.
 * Works with JavaScript on or off. Start from a context that is not signed in as a citizen.
 */
export async function signInAsCitizen(page: Page, key: string, next = '/lk'): Promise<void> {
  const { name } = citizen(key);
  await page.goto(`/lk/vhod?next=${encodeURIComponent(next)}`);
  await page.getByRole('button', { name: 'Войти через Госуслуги (ЕСИА)' }).click();
  await expect(page).toHaveURL(/\/esia-dev\/interaction\//);
  await page.getByRole('button', { name: `Войти как ${name}`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
}

/** Signs out with the cabinet's sign-out form; lands on the start page. */
export async function signOutCitizen(page: Page): Promise<void> {
  await page.goto('/lk/vyhod');
  await page.getByRole('button', { name: 'Выйти из личного кабинета' }).click();
  await expect(page).toHaveURL(/\/$/);
}
