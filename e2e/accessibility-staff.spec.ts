import { test } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { demoPerson } from './support/demo';
import { signInAsStaff } from './support/staff';

test('first page, staff sign-in and its error state have no serious accessibility violations', async ({
  page,
}) => {
  await page.goto('/');
  await expectAccessible(page);
  await page.goto('/vhod');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByRole('alert', { name: 'Есть ошибки' }).waitFor();
  await expectAccessible(page);
});

test('clinic workspace, empty, with errors and with a result, has no serious accessibility violations', async ({
  page,
}) => {
  await signInAsStaff(page, 'registrator');
  await expectAccessible(page);
  const byDoc = page.locator('form', { has: page.getByRole('heading', { name: 'По документу' }) });
  await byDoc.getByRole('button', { name: 'Проверить по документу' }).click();
  await page.getByRole('alert', { name: 'Есть ошибки' }).waitFor();
  await expectAccessible(page);
  const byEnp = page.locator('form', { has: page.getByRole('heading', { name: 'По ЕНП' }) });
  await byEnp.getByLabel('ЕНП').fill(demoPerson('active-moscow-parent').enp);
  await byEnp.getByRole('button', { name: 'Проверить по ЕНП' }).click();
  await page.getByTestId('lookup-result').waitFor();
  await expectAccessible(page);
});

test.describe('on a 375 px wide phone screen', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('the workspace fits without horizontal scrolling', async ({ page }) => {
    await signInAsStaff(page, 'registrator');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    test.expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });
});
