import { expect, type Page } from '@playwright/test';
import { demoStaff } from './demo';

/** Signs a demo staff member in through the real sign-in form. */
export async function signInAsStaff(page: Page, login: string, next = '/clinic'): Promise<void> {
  const { password } = demoStaff(login);
  await page.goto(`/vhod?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page).toHaveURL(new RegExp(`${next}$`));
}
