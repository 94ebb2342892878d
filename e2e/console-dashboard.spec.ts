import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { newStaff, signInAsOwnStaff } from './support/staff';

/**
 * The console's dashboards (/konsol/svodka, issue 13 item 4) through the real staff sign-in on the real
 * database: every figure is a server-rendered SVG image with its summary and its numbers as a table, with
 * and without JavaScript; an administrator may pick a region, a ТФОМС operator sees their own. Read only.
 */

const FIGURES = [
  'regions',
  'insurers',
  'statuses',
  'applications',
  'feeds',
  'lookups',
  'duplicates',
] as const;

async function expectFigures(page: Page): Promise<void> {
  for (const id of FIGURES) {
    const figure = page.getByTestId(`figure-${id}`);
    const image = figure.locator('svg[role="img"]');
    await expect(image, id).toHaveCount(1);
    // The image is labelled with the same summary the caption gives in words.
    const caption = (await figure.locator('figcaption').textContent())!.trim();
    expect(caption.length, id).toBeGreaterThan(10);
    await expect(image, id).toHaveAttribute('aria-label', caption);
    await expect(figure.locator('table tbody tr').first(), id).toBeVisible();
  }
  await expect(page.locator('script:not([src])').filter({ hasText: 'echarts' })).toHaveCount(0);
}

/** The refresh job runs when the server starts: the figures carry its time once it has run. */
async function waitForRefresh(page: Page): Promise<void> {
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('figure-regions').locator('.hint').first()).toContainText(
      'По состоянию на',
    );
  }).toPass({ timeout: 60_000 });
}

/** Sums the «Всего» column of a figure's table (numbers printed with spaces between thousands). */
async function tableTotal(page: Page, id: string): Promise<number> {
  const cells = await page.getByTestId(`figure-${id}`).locator('tbody tr td:last-child').allTextContents();
  return cells.reduce((n, c) => n + Number(c.replace(/\s/g, '')), 0);
}

test.describe('console: dashboards', () => {
  test('an administrator sees every figure as SVG with its table, the country and then one region', async ({
    page,
  }) => {
    await signInAsOwnStaff(page, await newStaff('ffoms_admin'), '/konsol/svodka');
    await expect(page.getByRole('heading', { level: 1, name: 'Сводка' })).toBeVisible();
    await waitForRefresh(page);
    await expectFigures(page);
    await expect(page.locator('.lead')).toContainText('вся страна');
    const country = await tableTotal(page, 'regions');
    expect(country).toBeGreaterThan(0);
    // The ranking by insurer counts the same persons as the ranking by region.
    expect(await tableTotal(page, 'insurers')).toBe(country);
    await expectAccessible(page);

    await page.getByLabel('Регион', { exact: true }).selectOption('77');
    await page.getByRole('button', { name: 'Показать' }).click();
    await expect(page).toHaveURL(/\/konsol\/svodka\?region=77$/);
    await expect(page.locator('.lead')).toContainText('Москва');
    const rows = page.getByTestId('figure-regions').locator('tbody tr');
    await expect(rows).toHaveCount(1);
    const moscow = await tableTotal(page, 'regions');
    expect(moscow).toBeGreaterThan(0);
    expect(moscow).toBeLessThan(country);
    await expectFigures(page);
  });

  test('a region code that is no region is named in the error summary and the country stays shown', async ({
    page,
  }) => {
    await signInAsOwnStaff(page, await newStaff('ffoms_admin'), '/konsol/svodka');
    await page.goto('/konsol/svodka?region=00');
    const summary = page.locator('.error-summary');
    await expect(summary).toContainText('Такого региона нет в справочнике.');
    await expect(page.getByLabel('Регион', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expectFigures(page);
    await expectAccessible(page);
  });

  test('a ТФОМС operator sees their own region only, and is told so when asking for another', async ({
    page,
  }) => {
    await signInAsOwnStaff(page, await newStaff('tfoms_operator', { subjectCode: '77' }), '/konsol/svodka');
    await expect(page.locator('.lead')).toContainText('Москва');
    await expect(page.getByLabel('Регион', { exact: true })).toHaveCount(0);
    await expect(page.getByTestId('figure-regions').locator('tbody tr')).toHaveCount(1);
    await expectFigures(page);

    await page.goto('/konsol/svodka?region=50');
    await expect(page.locator('.error-summary')).toContainText('Сводка другого региона вам недоступна');
    await expect(page.locator('.lead')).toContainText('Москва');
    await expect(page.getByTestId('figure-regions').locator('tbody th')).toHaveText(['город Москва']);
  });
});

test("an insurer's operator has no dashboards, whatever region is asked for", async ({ page }) => {
  await signInAsOwnStaff(page, await newStaff('smo_operator'));
  for (const path of ['/konsol/svodka', '/konsol/svodka?region=77']) {
    const answer = await page.goto(path);
    expect(answer?.status(), path).toBe(403);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Нет доступа');
  }
});

test.describe('console: dashboards without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the charts are in the HTML and the region form works as a plain GET', async ({ page }) => {
    await signInAsOwnStaff(page, await newStaff('ffoms_admin'), '/konsol/svodka');
    await expectFigures(page);
    await page.getByLabel('Регион', { exact: true }).selectOption('50');
    await page.getByRole('button', { name: 'Показать' }).click();
    await expect(page).toHaveURL(/region=50$/);
    await expect(page.getByTestId('figure-regions').locator('tbody tr')).toHaveCount(1);
    await expectFigures(page);
  });
});
