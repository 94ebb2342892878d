import { expect, test } from '@playwright/test';
import { demoPerson } from './support/demo';
import { signInAsStaff } from './support/staff';

/**
 * Issue 10, point 11a: an ЕНП whose check digit is right but whose first two digits are not a subject of
 * today's directory (84: Таймырский АО, since merged) is a valid policy number: the workspace looks it up
 * and warns, it never says the number is wrong. (Read-only: nobody in the register has this number.)
 */
test('an ЕНП from a merged subject is looked up with a warning, not refused', async ({ page }) => {
  await signInAsStaff(page, 'registrator');
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'По ЕНП' }) });
  await form.getByLabel('ЕНП').fill('8451 9991 2289 9990');
  await form.getByRole('button', { name: 'Проверить по ЕНП' }).click();
  const result = page.getByTestId('lookup-result');
  await expect(result.getByRole('heading')).toHaveText('Не найден в регистре');
  await expect(result.getByTestId('lookup-warning')).toContainText('Номер принят');
  await expect(page.getByRole('alert', { name: 'Есть ошибки' })).toHaveCount(0);

  // A number from a subject of today's directory carries no warning.
  await form.getByLabel('ЕНП').fill(demoPerson('active-moscow-parent').enp);
  await form.getByRole('button', { name: 'Проверить по ЕНП' }).click();
  await expect(result.getByRole('heading')).toHaveText('Застрахован');
  await expect(result.getByTestId('lookup-warning')).toHaveCount(0);
});
