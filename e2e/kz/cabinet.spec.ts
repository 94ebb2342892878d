import { expect, test } from '@playwright/test';
import { closeDb } from '../../db/client';
import { addMonthsToMonth, firstDayOf, monthOf } from '../../lib/domain/kz/months';
import { kzToday } from '../../lib/kz/today';
import { membership, paid } from '../../testing/kz/osms';
import { expectAccessible } from '../support/axe';
import { signInAsSyntheticKz } from '../support/citizen';
import { newKzPerson } from './people';

/**
 * The ОСМС cabinet through the real eGov-style sign-in (the development provider, a synthetic account of
 * the test's own): the status with its ground and until when, the payments with payers and amounts, the
 * categories; sign-out. With JavaScript and without.
 */
test.afterAll(async () => {
  await closeDb();
});

async function paidByEmployerAndFormerStudent() {
  const month = monthOf(kzToday());
  const months = [-3, -2, -1].map((n) => addMonthsToMonth(month, n));
  return newKzPerson({
    contributions: months.map((m) => paid('employer', m, firstDayOf(m), 17_000)),
    memberships: [membership('FULL_TIME_STUDENT', '2019-09-01', '2023-06-30')],
  });
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('the person signs in with eGov and sees the status, every payment with its payer and amount', async ({
      page,
    }) => {
      const person = await paidByEmployerAndFormerStudent();
      await page.goto('/kabinet');
      await expect(page).toHaveURL(/\/kabinet\/vhod$/);
      await signInAsSyntheticKz(page, person.seed);
      await expect(page.getByText(`Вы вошли как ${person.name}`)).toBeVisible();
      await expect(page.getByRole('heading', { level: 1, name: 'Личный кабинет' })).toBeVisible();
      await expect(page.getByTestId('osms-status')).toContainText('Застрахован');
      await expect(page.getByTestId('osms-status-text')).toContainText('работодатель');
      await expect(page.getByTestId('osms-status-until')).toContainText('включительно');

      const payments = page.getByTestId('payments');
      // This month and the 12 before it; three paid by the employer, with the payer and the amount.
      await expect(payments.locator('tbody tr')).toHaveCount(13);
      const paidRows = payments.locator('tbody tr', { hasText: '17\u00a0000,00\u00a0₸' });
      await expect(paidRows).toHaveCount(3);
      await expect(paidRows.first()).toContainText('ТОО «Тестовая организация»');
      await expect(paidRows.first()).toContainText('работодатель');
      await expect(page.getByTestId('memberships')).toContainText('Обучающиеся по очной форме');
      await expect(page.getByTestId('memberships')).toContainText('по 30.06.2023');
      // axe runs in the page: only where JavaScript runs.
      if (javaScriptEnabled) await expectAccessible(page);

      await page.getByRole('button', { name: 'Выйти', exact: true }).click();
      await expect(page).toHaveURL(/\/$/);
      await page.goto('/kabinet');
      await expect(page).toHaveURL(/\/kabinet\/vhod$/);
    });
  });
}

test('an eGov account whose ИИН the register does not know is told so, and sees nobody’s data', async ({
  page,
}) => {
  // A seed of its own that was never registered: the account signs in, the register has no such ИИН.
  await signInAsSyntheticKz(page, `nobody${Date.now().toString(36)}`);
  await expect(page.getByTestId('not-in-register')).toContainText('не нашли вас в реестре участников ОСМС');
  await expect(page.getByTestId('payments')).toHaveCount(0);
  await expectAccessible(page);
});
