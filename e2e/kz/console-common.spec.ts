import { expect, test } from '@playwright/test';
import { closeDb, getDb } from '../../db/client';
import { createKzPerson } from '../../testing/kz/register';
import { paidEvent } from '../../testing/kz/feed-events';
import { expectAccessible } from '../support/axe';
import { connectTestDatabase } from '../support/people';
import { newStaff, signInAsOwnStaff } from '../support/staff';
import { ownIin } from './own-iin';

/**
 * The common console frames as a Kazakh register shows them, through the real staff sign-in: the feeds
 * section speaks of the fund's payments and the category lists (keys for those sources only, a payment for
 * an ИИН the register does not know waits with its reason), the audit log finds a person by ИИН, in
 * Astana's time, and the staff accounts offer this register's roles only. Each test works on a person, a
 * key, an event and an account of its own.
 */
test.afterAll(async () => {
  await closeDb();
});

test('feeds: a key for the payments source, a payment for an unknown ИИН waits and is listed with why', async ({
  page,
}) => {
  await signInAsOwnStaff(page, await newStaff('ffoms_admin'), '/konsol/lenty/klyuchi');
  const sources = page.getByRole('group', { name: 'Источник' });
  await expect(sources.getByRole('radio')).toHaveCount(2);
  await expect(sources.getByLabel('Органы ЗАГС')).toHaveCount(0);
  await page.getByRole('button', { name: 'Выпустить ключ' }).click();
  await expect(page.getByRole('alert', { name: 'Есть ошибки' })).toContainText(
    'Выберите источник: Платежи ФСМС, Списки льготных категорий.',
  );
  await sources.getByLabel('Платежи ФСМС').check();
  await page.getByRole('button', { name: 'Выпустить ключ' }).click();
  const key = await page.getByTestId('issued-feed-key').textContent();
  expect(key).toMatch(/^feed_[0-9a-f]{8}_/);

  const event = paidEvent(ownIin(), {}, `e2e-kz-${Date.now()}-${test.info().workerIndex}`);
  const posted = await page.request.post('/api/v1/feeds/payments/events', {
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
    data: JSON.stringify(event),
  });
  expect(posted.status()).toBe(200);
  expect(await posted.json()).toMatchObject({ events: [{ eventId: event.eventId, status: 'pending' }] });

  await page.goto('/konsol/lenty');
  await expect(page.getByRole('heading', { level: 1, name: 'Ведомственный обмен' })).toBeVisible();
  await expect(
    page.getByText('Сведения платёжной системы ФСМС и ведомств со списками льготных категорий'),
  ).toBeVisible();
  await expect(page.getByRole('row', { name: /^Платежи ФСМС/ }).first()).toContainText('В срок');
  await expect(page.getByRole('row', { name: /^Списки льготных категорий/ }).first()).toContainText(
    'раз в 16 дней',
  );
  const row = page.getByRole('row', { name: new RegExp(event.eventId) });
  await expect(row).toContainText('contribution.paid');
  await expect(row).toContainText('Платежи ФСМС');
  await expect(page.getByText('ЗАГС')).toHaveCount(0);
  await expectAccessible(page);
});

test('audit log: «кого» is an ИИН; a card opened is found by it, timed in Astana', async ({ page }) => {
  connectTestDatabase();
  const person = await createKzPerson(getDb(), {
    iin: ownIin(),
    name: { lastName: 'Журналова', firstName: 'Айдана', patronymic: null },
  });
  await signInAsOwnStaff(page, await newStaff('ffoms_admin'), '/konsol/poisk');
  const byIin = page.locator('form', { has: page.getByRole('heading', { name: 'По ИИН' }) });
  await byIin.getByLabel('ИИН').fill(person.iin);
  await byIin.getByRole('button', { name: 'Найти по ИИН' }).click();
  await page.getByTestId('search-results').getByRole('link', { name: 'Журналова Айдана' }).click();
  await page.getByLabel('Цель просмотра').selectOption('citizen_request');
  await page.getByRole('button', { name: 'Открыть карточку' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Журналова Айдана' })).toBeVisible();

  await page.goto('/konsol/zhurnal');
  await page.getByLabel('Кого: ИИН').fill('123456789012');
  await page.getByRole('button', { name: 'Показать' }).click();
  await expect(page.getByRole('alert', { name: 'Есть ошибки' })).toBeVisible();
  await expect(page).toHaveURL(/[?&]iin=123456789012/);

  await page.getByLabel('Кого: ИИН').fill(person.iin);
  await page.getByRole('button', { name: 'Показать' }).click();
  const entries = page.getByTestId('audit-entries');
  await expect(entries.getByRole('columnheader', { name: 'Время (Астана)' })).toBeVisible();
  await expect(entries.getByRole('columnheader', { name: 'Кого (ИИН)' })).toBeVisible();
  await expect(entries.getByTestId('audit-entry').first()).toContainText(person.iin);
  await expect(entries.getByTestId('audit-entry').first()).toContainText('Открытие карточки');
  await expectAccessible(page);
});

test('staff accounts: the fund’s roles only, no insurers; a branch operator is created with its region', async ({
  page,
}) => {
  await signInAsOwnStaff(page, await newStaff('ffoms_admin'), '/konsol/sotrudniki');
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Создать учётную запись' }) });
  const roles = form.getByLabel('Роль').locator('option');
  await expect(roles).toHaveText([
    'Выберите роль',
    'Администратор ФСМС',
    'Оператор филиала ФСМС',
    'Регистратор медицинской организации',
  ]);
  await expect(form.getByLabel('Код СМО')).toHaveCount(0);
  await expect(page.getByText(/ФФОМС|ТФОМС|страховой медицинской/)).toHaveCount(0);
  const login = `kz.branch.${Date.now()}.${test.info().workerIndex}`;
  await form.getByLabel('Логин').fill(login);
  await form.getByLabel('ФИО сотрудника').fill('Нурланова Сауле Маратовна');
  await form.getByLabel('Роль').selectOption({ label: 'Оператор филиала ФСМС' });
  await form.getByLabel('Код региона').fill('10');
  await form.getByRole('button', { name: 'Создать учётную запись' }).click();
  await expect(page.getByTestId('account-created')).toContainText(`Учётная запись ${login} создана`);
  await page.goto('/konsol/sotrudniki');
  await expect(page.locator(`[data-testid="staff-accounts"] tr[data-login="${login}"]`)).toContainText(
    'Филиал ФСМС, регион 10',
  );
  await expectAccessible(page);
});
