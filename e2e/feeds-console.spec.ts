import { expect, test } from '@playwright/test';
import { closeDb } from '../db/client';
import { systemActor } from '../lib/auth/actor';
import { createFeedKey, revokeFeedKey } from '../lib/feeds/feed-keys';
import { e2eDatabaseUrl } from './fuzz/register';
import { expectAccessible } from './support/axe';
import { newStaff, signInAsOwnStaff, signInAsStaff } from './support/staff';

/**
 * The feeds' console page: an event the military feed posts about someone not in the register waits, and
 * the funds' staff see it there with why. The event is the test's own (a person nobody else uses).
 */
const admin = systemActor('e2e-feeds');
let key: { key: string; prefix: string };

test.beforeAll(async () => {
  process.env.DATABASE_URL = e2eDatabaseUrl();
  key = await createFeedKey({ source: 'military', label: 'e2e feeds console' }, admin);
});

test.afterAll(async () => {
  await revokeFeedKey({ prefix: key.prefix }, admin);
  await closeDb();
});

test('a pending event is listed with its reason for the federal fund; an insurer’s operator is refused', async ({
  page,
  request,
}) => {
  const eventId = `e2e-${Date.now()}-${test.info().workerIndex}`;
  const posted = await request.post('/api/v1/feeds/military/events', {
    headers: { authorization: `Bearer ${key.key}`, 'content-type': 'application/x-ndjson' },
    data: JSON.stringify({
      eventId,
      type: 'service.started',
      occurredAt: '2026-11-20T10:00:00+03:00',
      data: {
        person: { lastName: 'Ожидающий', firstName: 'Тест', patronymic: null, birthDate: '2001-01-01' },
        startedOn: '2026-11-20',
      },
    }),
  });
  expect(posted.status()).toBe(200);
  expect(await posted.json()).toMatchObject({ pending: 1, events: [{ eventId, status: 'pending' }] });

  await signInAsOwnStaff(page, await newStaff('ffoms_admin'), '/konsol/lenty');
  await expect(page.getByRole('heading', { level: 1, name: 'Ведомственный обмен' })).toBeVisible();
  const military = page.getByRole('row', { name: /Военные комиссариаты/ }).first();
  await expect(military).toContainText('В срок');
  const row = page.getByRole('row', { name: new RegExp(eventId) });
  await expect(row).toContainText('service.started');
  await expect(row).toContainText('пока не найден в регистре');
  await expectAccessible(page);

  await page.context().clearCookies();
  await signInAsStaff(page, 'smo77001', undefined, { next: '/konsol' });
  const denied = await page.goto('/konsol/lenty');
  expect(denied?.status()).toBe(403);
});

test.describe('console: feed keys', () => {
  test('an administrator issues a source key (shown once), the feed API takes it, and a revoked key is refused at once', async ({
    page,
  }) => {
    const admin = await newStaff('ffoms_admin');
    await signInAsOwnStaff(page, admin, '/konsol/lenty/klyuchi');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Выпустить ключ' }).click();
    await expect(page.getByRole('alert', { name: 'Есть ошибки' })).toContainText('Выберите источник');
    await page.getByLabel('Органы ЗАГС').check();
    await page.getByLabel('Описание (необязательно)').fill('Проверка выпуска из консоли');
    await page.getByRole('button', { name: 'Выпустить ключ' }).click();
    const issued = await page.getByTestId('issued-feed-key').textContent();
    expect(issued).toMatch(/^feed_[0-9a-f]{8}_/);
    const prefix = issued!.split('_')[1]!;

    const pending = () =>
      page.request.get('/api/v1/feeds/zags/pending', { headers: { authorization: `Bearer ${issued}` } });
    expect((await pending()).status()).toBe(200);

    await page.goto('/konsol/lenty/klyuchi');
    await page.getByRole('button', { name: `Отозвать ключ ${prefix}` }).click();
    await expect(page.getByRole('status')).toContainText(`Ключ с префиксом ${prefix} отозван.`);
    await expect(page.getByTestId('feed-keys').locator(`tr[data-prefix="${prefix}"]`)).toContainText(
      'Отозван',
    );
    expect((await pending()).status()).toBe(401);
  });

  test('a regional fund operator sees the feeds but may not issue their keys', async ({ page }) => {
    const tfoms = await newStaff('tfoms_operator');
    await signInAsOwnStaff(page, tfoms, '/konsol/lenty');
    await expect(page.getByRole('link', { name: 'Ключи источников: выпуск и отзыв' })).toHaveCount(0);
    const response = await page.goto('/konsol/lenty/klyuchi');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Нет доступа' })).toBeVisible();
  });
});
