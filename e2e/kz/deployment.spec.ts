import { expect, test } from '@playwright/test';
import pg from 'pg';
import { CONSOLE_SECTIONS_OF } from '../../app/konsol/_shell/sections';
import { e2eDatabaseUrl } from '../fuzz/register';
import { expectAccessible } from '../support/axe';
import { newStaff, signInAsOwnStaff } from '../support/staff';

/**
 * The Kazakh pass's server (playwright.kz.config.ts, ADR 0034): a production server started with
 * REGISTER_JURISDICTION=kz on a register of its own, whose console has Kazakhstan's sections only.
 */
const KZ_HREFS = CONSOLE_SECTIONS_OF.kz.map((s) => s.href);
const RU_ONLY = CONSOLE_SECTIONS_OF.ru.filter((s) => !KZ_HREFS.includes(s.href));

test('the server serves the register of Kazakhstan, bound to it in the database', async ({ request }) => {
  expect((await request.get('/api/health')).status()).toBe(200);
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ jurisdiction: string }>(
      'select jurisdiction from register_settings',
    );
    expect(rows).toEqual([{ jurisdiction: 'kz' }]);
  } finally {
    await client.end();
  }
});

test("Russia's console sections do not exist here: the sign-in first, then 404", async ({ page }) => {
  expect(RU_ONLY.map((s) => s.href)).toContain('/konsol/zayavleniya');
  // Signed out, the console tells nobody which addresses exist: every console address leads to the sign-in.
  await page.goto('/konsol/zayavleniya');
  await expect(page).toHaveURL((url) => url.pathname === '/vhod');
  await signInAsOwnStaff(page, await newStaff('ffoms_admin'));
  const menu = page.getByRole('navigation', { name: 'Разделы консоли' });
  for (const section of CONSOLE_SECTIONS_OF.kz)
    await expect(menu.getByRole('link', { name: section.title, exact: true })).toBeVisible();
  for (const section of RU_ONLY) {
    await expect(menu.getByRole('link', { name: section.title, exact: true })).toHaveCount(0);
    const response = await page.goto(`${section.href}`);
    expect(response?.status(), section.href).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Страница не найдена');
    // Said in the HTML itself, not filled in by scripts: the page reads the same without JavaScript.
    const html = await (await page.request.get(section.href)).text();
    expect(html, section.href).toMatch(/<h1[^>]*>Страница не найдена<\/h1>/);
  }
  await expectAccessible(page);
});
