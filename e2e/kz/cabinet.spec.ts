import { expect, test } from '@playwright/test';
import { closeDb } from '../../db/client';
import { KZ_CLINICS } from '../../db/reference/kz/regions-and-clinics';
import { formatDateRu } from '../../lib/domain/dates';
import { addMonthsToMonth, firstDayOf, monthOf } from '../../lib/domain/kz/months';
import { kzToday } from '../../lib/kz/today';
import { membership, paid } from '../../testing/kz/osms';
import { expectAccessible } from '../support/axe';
import { signInAsSyntheticKz } from '../support/citizen';
import { newStaff, signInAsOwnStaff } from '../support/staff';
import { newKzPerson } from './people';

/**
 * The ОСМС cabinet through the real eGov-style sign-in (the development provider, a synthetic account of
 * the test's own): the status with its ground and until when, the payments with payers and amounts, the
 * categories; sign-out. With JavaScript and without.
 */
test.afterAll(async () => {
  await closeDb();
});

const CLINIC_750001 = KZ_CLINICS.find((c) => c.code === '750001')!.nameShort;

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
  await page.goto('/kabinet/prosmotry');
  await expect(page.getByTestId('not-in-register')).toContainText('не нашли вас в реестре участников ОСМС');
  await expect(page.getByTestId('lookups')).toHaveCount(0);
});

test('a registrar’s check of the status is listed for the person: the clinic, the day, how, not who', async ({
  browser,
  page,
}) => {
  const person = await paidByEmployerAndFormerStudent();
  const desk = await browser.newPage();
  const registrar = await newStaff('clinic_registrar', { moCode: '750001' });
  await signInAsOwnStaff(desk, registrar, '/clinic');
  const form = desk.locator('form', { has: desk.getByRole('heading', { name: 'По ИИН' }) });
  await form.getByLabel('ИИН').fill(person.iin);
  await form.getByRole('button', { name: 'Проверить статус' }).click();
  await expect(desk.getByTestId('lookup-result')).toContainText(person.iin);
  await desk.close();

  await signInAsSyntheticKz(page, person.seed, '/kabinet');
  await page.getByRole('link', { name: 'Кто проверял мой статус' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Кто проверял мой статус');
  const checks = page.getByTestId('lookup');
  await expect(checks).toHaveCount(1);
  await expect(checks.first()).toContainText(CLINIC_750001);
  await expect(checks.first()).toContainText('Регистратура медицинской организации');
  await expect(checks.first()).toContainText('Сведения о статусе в ОСМС получены');
  await expect(checks.first()).toContainText(formatDateRu(kzToday()));
  await expect(page.locator('main')).not.toContainText(registrar.login);
  await expectAccessible(page);
});
