import { expect, test } from '@playwright/test';
import { closeDb } from '../../db/client';
import { syntheticIin } from '../../lib/domain/kz';
import { addMonthsToMonth, firstDayOf, monthOf } from '../../lib/domain/kz/months';
import { kzToday } from '../../lib/kz/today';
import { paid } from '../../testing/kz/osms';
import { monthRu } from '../../app/(kz)/_osms/format';
import { expectAccessible } from '../support/axe';
import { newKzPerson, type OwnKzPerson } from './people';

/**
 * The public ОСМС status check by ИИН (issue 14): no sign-in; the status, its ground in words, until when
 * and the 12 months' marks — never a name, an amount or a payer. With JavaScript and without.
 */
test.afterAll(async () => {
  await closeDb();
});

/** A person whose employer paid for the two months before this one (17 000 ₸ each). */
async function employee(): Promise<{ person: OwnKzPerson; paidMonths: string[] }> {
  const month = monthOf(kzToday());
  const paidMonths = [addMonthsToMonth(month, -2), addMonthsToMonth(month, -1)];
  const person = await newKzPerson({
    contributions: paidMonths.map((m) => paid('employer', m, firstDayOf(m), 17_000)),
  });
  return { person, paidMonths };
}

test('anyone checks a status by ИИН: insured, on what ground, and which months were paid — nothing more', async ({
  page,
}) => {
  const { person, paidMonths } = await employee();
  await page.goto('/');
  await page.getByRole('link', { name: 'Проверить статус по ИИН' }).click();
  await expect(page).toHaveURL(/\/proverka-statusa$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Проверка статуса в системе ОСМС' }),
  ).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('ИИН').fill(`${person.iin.slice(0, 6)} ${person.iin.slice(6)}`);
  await page.getByRole('button', { name: 'Проверить статус' }).click();
  const answer = page.getByTestId('status-answer');
  await expect(answer.getByTestId('osms-status')).toContainText('Застрахован');
  await expect(answer.getByTestId('osms-status-text')).toContainText('работодатель');
  const months = answer.getByTestId('osms-months').locator('tbody tr');
  await expect(months).toHaveCount(12);
  for (const m of paidMonths)
    await expect(answer.getByRole('row', { name: monthRu(m) })).toContainText('поступил');
  await expect(months.filter({ hasText: 'не поступал' })).toHaveCount(10);
  // Never the person's name, an amount or the payer.
  const text = await page.locator('main').innerText();
  for (const secret of [person.lastName, person.firstName, '17 000', '₸', 'ТОО'])
    expect(text).not.toContain(secret);
  await expectAccessible(page);

  // A wrong number: the summary and the field say so, and the page stays accessible (axe needs JavaScript).
  await page.getByLabel('ИИН').fill('1234');
  await page.getByRole('button', { name: 'Проверить статус' }).click();
  await expect(page.locator('#iin-error')).toContainText('ИИН состоит из 12 цифр.');
  await expectAccessible(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a wrong ИИН is named on its field, an unknown one is said plainly, a right one is answered', async ({
    page,
  }) => {
    await page.goto('/proverka-statusa');
    await page.getByLabel('ИИН').fill('880514300015');
    await page.getByRole('button', { name: 'Проверить статус' }).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toContainText('ИИН указан с ошибкой: не сходится контрольная цифра.');
    await expect(page.locator('#iin-error')).toContainText('не сходится контрольная цифра');
    await expect(page.getByLabel('ИИН')).toHaveValue('880514300015');

    await page.getByLabel('ИИН').fill(syntheticIin('1931-01-01' as never, 'male', 4321));
    await page.getByRole('button', { name: 'Проверить статус' }).click();
    await expect(page.locator('.error-summary')).toContainText('не найден');
    await expect(page.getByTestId('status-answer')).toHaveCount(0);

    const lumpSum = await newKzPerson({
      contributions: [
        { kind: 'lump-sum', firstMonth: monthOf(kzToday()), months: 12, paidOn: kzToday(), amount: 51_000 },
      ],
    });
    await page.getByLabel('ИИН').fill(lumpSum.iin);
    await page.getByRole('button', { name: 'Проверить статус' }).click();
    await expect(page.getByTestId('osms-status')).toContainText('Не застрахован');
    await expect(page.getByTestId('osms-status-text')).toContainText('одним платежом');
    await expect(page.getByTestId('osms-status-advice')).toContainText('отдельным платежом');
  });
});

test('the same answer for machines: GET /api/v1/osms/status, problem+json for a wrong ИИН', async ({
  request,
}) => {
  const { person } = await employee();
  const res = await request.get(`/api/v1/osms/status?iin=${person.iin}`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ insured: true, code: 'EMPLOYER_CONTRIBUTIONS' });
  expect(Object.keys(body).sort()).toEqual(['advice', 'code', 'insured', 'months', 'text', 'until']);
  const wrong = await request.get('/api/v1/osms/status?iin=12');
  expect(wrong.status()).toBe(400);
  expect(wrong.headers()['content-type']).toBe('application/problem+json; charset=utf-8');
  expect(((await wrong.json()) as { errors: { field: string; code: string }[] }).errors).toEqual([
    expect.objectContaining({ field: 'iin', code: 'IIN_INVALID_FORMAT' }),
  ]);
});

test('Russia’s cabinet and extract check do not exist in this register', async ({ page }) => {
  for (const path of ['/lk', '/lk/vhod', '/verify/ABCD-EFGH']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Страница не найдена' })).toBeVisible();
  }
  const start = await page.request.post('/lk/vhod/esia', { form: { next: '/lk' } });
  expect(start.status()).toBe(404);
});
