import { expect, test, type Page } from '@playwright/test';
import { sql } from 'drizzle-orm';
import { closeDb, getDb } from '../../db/client';
import { formatDateRu, makeDate, type LocalDate } from '../../lib/domain/dates';
import { addMonthsToMonth, firstDayOf, monthOf } from '../../lib/domain/kz/months';
import { kzToday } from '../../lib/kz/today';
import { paid } from '../../testing/kz/osms';
import { createKzPerson, TEST_PDF, type KzTestPerson } from '../../testing/kz/register';
import { ownIin } from './own-iin';
import { expectAccessible } from '../support/axe';
import { connectTestDatabase } from '../support/people';
import { newStaff, signInAsOwnStaff } from '../support/staff';

/**
 * The fund's console in a Kazakh register (ADR 0034), through the real staff sign-in (password and TOTP):
 * search by ИИН, the card with the status, its history, the payments and the temporary statuses, the
 * document's download and the revocation — with JavaScript and without. Every test works on a person of
 * its own, made in the server's database with the fixtures of the integration tests.
 */
test.afterAll(async () => {
  await closeDb();
});

/**
 * The day the card counts as today, as the page says it (its timeline's caption, in Almaty's zone): what a
 * test asserts about "today" is pinned to it, so a test running across midnight still agrees with the page.
 */
async function cardToday(page: Page): Promise<LocalDate> {
  const caption = await page
    .getByRole('table', { name: /как известно сейчас/ })
    .locator('caption')
    .innerText();
  const [, day, month, year] = /по (\d\d)\.(\d\d)\.(\d{4})/.exec(caption) ?? [];
  expect(year, `the timeline's caption names its day: ${caption}`).toBeDefined();
  return makeDate(Number(year), Number(month), Number(day));
}

/** A person paid for by an employer for the two months before this one, with a self-payment retracted
 * and a temporary status uploaded today by a clinic. */
async function personOfOwn(today: LocalDate): Promise<KzTestPerson> {
  connectTestDatabase();
  const month = monthOf(today);
  const [m1, m2] = [addMonthsToMonth(month, -2), addMonthsToMonth(month, -1)];
  const person = await createKzPerson(getDb(), {
    iin: ownIin(),
    name: { lastName: 'Сейткалиева', firstName: 'Гульнар', patronymic: 'Ерлановна' },
    facts: {
      contributions: [
        paid('employer', m1, firstDayOf(m1), 17_000),
        paid('employer', m2, firstDayOf(m2), 17_000),
        paid('self', month, today, 4_250),
      ],
      temporaryStatuses: [
        { category: 'DISABILITY', uploadedOn: today, uploadedBy: 'clinic', revokedOn: null },
      ],
    },
  });
  await getDb().execute(
    sql`update kz_contributions set retracted_at = now() where person_id = ${person.id} and payer_kind = 'self'`,
  );
  return person;
}

/** A person of the test's own, and their card opened by an administrator of the test's own. */
/** A person of the test's own (their facts dated by today in Kazakhstan), their card opened by an administrator. */
async function ownCardOpened(page: Page): Promise<KzTestPerson> {
  const person = await personOfOwn(kzToday());
  await signInAsOwnStaff(page, await newStaff('ffoms_admin'));
  await openCard(page, person);
  return person;
}

async function openCard(page: Page, person: KzTestPerson): Promise<void> {
  await page.goto('/konsol/poisk');
  const byIin = page.locator('form', { has: page.getByRole('heading', { name: 'По ИИН' }) });
  await byIin.getByLabel('ИИН').fill(person.iin);
  await byIin.getByRole('button', { name: 'Найти по ИИН' }).click();
  const row = page.getByTestId('search-results').getByRole('row', { name: new RegExp(person.iin) });
  await expect(row).toContainText('По ИИН');
  await row.getByRole('link', { name: 'Сейткалиева Гульнар Ерлановна' }).click();
  await page.getByLabel('Цель просмотра').selectOption('citizen_request');
  await page.getByRole('button', { name: 'Открыть карточку' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Сейткалиева Гульнар Ерлановна' })).toBeVisible();
}

test('an administrator finds a person by ИИН and reads the status, its history and the payments', async ({
  page,
}) => {
  const person = await ownCardOpened(page);
  await expect(page.getByTestId('identity')).toContainText(person.iin);
  await expect(page.getByTestId('osms-status')).toContainText('Застрахован');
  await expect(page.getByTestId('osms-status-text')).toContainText('работодатель');
  // 24 month starts, the newest first: this month's
  const history = page.getByTestId('osms-timeline');
  await expect(history.getByRole('row').nth(1)).toContainText(
    formatDateRu(firstDayOf(monthOf(await cardToday(page)))),
  );
  await expect(history.getByRole('row', { name: /начало месяца/ })).toHaveCount(24);
  const payments = page.getByTestId('osms-payments');
  await expect(payments.getByRole('row', { name: /работодатель/ })).toHaveCount(2);
  await expect(payments.getByRole('row', { name: /работодатель/ }).first()).toContainText(
    '17\u00a0000,00\u00a0₸',
  );
  await expect(payments.getByRole('row', { name: /самостоятельно/ })).toContainText('отозван');
  await expectAccessible(page);
});

test('an invalid ИИН is named beside its field, in Russian', async ({ page }) => {
  await signInAsOwnStaff(page, await newStaff('ffoms_admin'));
  await page.goto('/konsol/poisk');
  const byIin = page.locator('form', { has: page.getByRole('heading', { name: 'По ИИН' }) });
  await byIin.getByLabel('ИИН').fill('880315400001');
  await byIin.getByRole('button', { name: 'Найти по ИИН' }).click();
  await expect(page.getByRole('alert', { name: 'Есть ошибки' })).toContainText(
    'не сходится контрольная цифра',
  );
  await expect(byIin.getByLabel('ИИН')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
});

for (const javaScriptEnabled of [true, false]) {
  test(`the document is downloaded and the temporary status revoked with a reason (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled });
    const page = await context.newPage();
    await ownCardOpened(page);
    const temporary = page.getByTestId('osms-temporary');
    await expect(temporary).toContainText('Лица с инвалидностью');
    await expect(temporary).toContainText('не отзывался');

    const link = temporary.getByRole('link', { name: 'spravka.pdf' });
    const download = await page.request.get((await link.getAttribute('href'))!);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(download.headers()['content-disposition']).toMatch(/^attachment;/);
    expect(Buffer.from(await download.body()).equals(TEST_PDF)).toBe(true);

    await temporary.getByRole('button', { name: 'Отозвать временный статус' }).click();
    await expect(page.getByRole('alert', { name: 'Есть ошибки' })).toContainText('причин');
    await temporary.getByLabel('Причина отзыва').fill('Справка не подтверждает инвалидность');
    await temporary.getByRole('button', { name: 'Отозвать временный статус' }).click();
    await expect(page.getByText('Временный статус отозван. Человеку отправлено уведомление.')).toBeVisible();
    // Revoked as of the day the card, drawn right after the revocation, counts as today.
    await expect(page.getByTestId('osms-temporary')).toContainText(
      `отозван с ${formatDateRu(await cardToday(page))}: Справка не подтверждает инвалидность`,
    );
    await expect(page.getByRole('button', { name: 'Отозвать временный статус' })).toHaveCount(0);
    // axe runs in the page: only where the page runs scripts
    if (javaScriptEnabled) await expectAccessible(page);
    await context.close();
  });
}

test('the card as known at an earlier day: before the person was recorded, no payments were known', async ({
  page,
}) => {
  await ownCardOpened(page);
  await page.getByLabel('Сведения, известные на дату').fill('31.12.2023');
  await page.getByRole('button', { name: 'Показать' }).click();
  const then = page.getByTestId('osms-known-at');
  await expect(then.getByRole('heading', { name: /Как было известно на 31\.12\.2023 23:59/ })).toBeVisible();
  await expect(then.getByTestId('osms-status')).toContainText('Не застрахован');
  await page.getByLabel('Сведения, известные на дату').fill('31.02.2024');
  await page.getByRole('button', { name: 'Показать' }).click();
  await expect(page.getByRole('alert', { name: 'Есть ошибки' })).toContainText('ДД.ММ.ГГГГ');
  await expect(page.getByTestId('osms-known-at')).toHaveCount(0);
  await expectAccessible(page);
});
