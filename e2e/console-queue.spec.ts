import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { queuedApplication } from './support/queue';
import { signInAsStaff } from './support/staff';

/**
 * The console's applications queue (issue 11 item 1) through the real staff sign-in on the real database:
 * the demo register's queued applications show the queue's states (read only); the decisions are taken on
 * applications of the tests' own, each made by a fresh synthetic citizen through journey 1.
 */

const rows = (page: Page) => page.getByTestId('queue-row');
const counter = (page: Page, label: string) =>
  page
    .getByTestId('queue-counters')
    .locator('div')
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator('dd');

test.describe('console: the applications queue', () => {
  test('a ТФОМС operator sees its queue with counters, overdue first, and filters it', async ({ page }) => {
    await signInAsStaff(page, 'tfoms77', undefined, { next: '/konsol/zayavleniya' });
    await expect(page.getByRole('heading', { level: 1, name: 'Заявления' })).toBeVisible();
    await expect(counter(page, 'Просрочено')).toHaveText(/^[1-9]\d*$/);
    await expect(counter(page, 'Ждут решения')).toHaveText(/^[1-9]\d*$/);
    // Overdue first: the first row is past its due time; only Moscow's applications are listed.
    await expect(rows(page).first().locator('.tag')).toContainText('просрочено на');
    for (const cell of await rows(page).locator('td:last-child').allTextContents()) {
      expect(cell).toContain('Москва');
    }
    await expectAccessible(page);

    await page.getByLabel('Только просроченные').check();
    await page.getByRole('button', { name: 'Показать' }).click();
    await expect(page).toHaveURL(/prosrocheno=1/);
    const overdue = await rows(page).locator('.tag').allTextContents();
    expect(overdue.length).toBeGreaterThan(0);
    for (const tag of overdue) expect(tag).toContain('просрочено на');

    await page.goto('/konsol/zayavleniya');
    await page.getByLabel('Статус').selectOption({ label: 'Отказано' });
    await page.getByRole('button', { name: 'Показать' }).click();
    await expect(page).toHaveURL(/status=refused/);
    const statuses = await rows(page).locator('td:nth-child(4)').allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['Отказ']));

    // A number of the wrong shape is named, and kept in the field.
    await page.getByLabel('Номер заявления').fill('42-abc');
    await page.getByRole('button', { name: 'Показать' }).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toContainText('Номер заявления — год и восемь цифр');
    await expect(page.getByLabel('Номер заявления')).toHaveValue('42-abc');
    await expectAccessible(page);

    // Another region is refused in words, not with an empty list.
    await page.goto('/konsol/zayavleniya?region=50');
    await expect(page.locator('.error-summary')).toContainText('вне вашей зоны ответственности');
    await expect(rows(page)).toHaveCount(0);
  });

  test('an operator refuses with a reason; the citizen sees it in «Мои заявления»', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    const { number, namesakeId } = await queuedApplication(page);

    const staff = await browser.newContext({ baseURL, locale: 'ru-RU' });
    const op = await staff.newPage();
    await signInAsStaff(op, 'tfoms77', undefined, { next: '/konsol/zayavleniya' });
    await op.getByLabel('Номер заявления').fill(number);
    await op.getByRole('button', { name: 'Показать' }).click();
    await expect(rows(op)).toHaveCount(1);
    await op.getByRole('link', { name: number }).click();
    await expect(op.getByRole('heading', { level: 1, name: `Заявление № ${number}` })).toBeVisible();
    const checks = op.getByTestId('checks');
    await expect(checks.getByRole('row').filter({ hasText: 'такими же ФИО' })).toContainText(
      'вызвала сомнение',
    );
    await expect(checks.getByRole('row').filter({ hasText: 'Формат документа' })).toContainText('пройдена');
    await expect(op.getByTestId('persons').getByRole('link')).toHaveAttribute(
      'href',
      `/konsol/lica/${namesakeId}?zayavlenie=${number}`,
    );
    await expectAccessible(op);

    // No reason chosen: named, and the words typed are kept.
    const refuse = op.locator('form').filter({ has: op.getByRole('button', { name: 'Отказать' }) });
    const words = 'В регистре уже есть ваша запись: обратитесь в страховую компанию с паспортом.';
    await refuse.getByLabel('Пояснение для заявителя').fill(words);
    await refuse.getByRole('button', { name: 'Отказать' }).click();
    await expect(refuse.getByRole('alert')).toContainText('Выберите причину отказа.');
    await expect(refuse.getByLabel('Пояснение для заявителя')).toHaveValue(words);
    await expectAccessible(op);

    await refuse
      .getByLabel('Причина отказа')
      .selectOption({ label: 'Заявитель уже есть в регистре застрахованных лиц' });
    await refuse.getByRole('button', { name: 'Отказать' }).click();
    await expect(op.getByTestId('decision-notice')).toContainText('в заявлении отказано');
    await expect(op.getByTestId('application-status')).toHaveText('Отказ');
    const reason = `Заявитель уже есть в регистре застрахованных лиц. ${words}`;
    await expect(op.getByTestId('application-reason')).toHaveText(reason);
    await expect(op.getByTestId('history')).toContainText('Сидоров Алексей Николаевич (tfoms77)');
    await staff.close();

    // The citizen (still signed in) sees the outcome and the reason.
    await page.goto('/lk/zayavleniya');
    const listed = page.getByTestId('application').filter({ hasText: number });
    await expect(listed).toContainText('Отказ');
    await expect(listed.getByTestId('refusal-reason')).toHaveText(reason);
  });

  test('an operator issues the policy; a second operator deciding at the same time is told who decided', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    const { number } = await queuedApplication(page, '77001');

    const first = await browser.newContext({ baseURL, locale: 'ru-RU' });
    const second = await browser.newContext({ baseURL, locale: 'ru-RU' });
    const tfoms = await first.newPage();
    const smo = await second.newPage();
    await signInAsStaff(tfoms, 'tfoms77', undefined, { next: `/konsol/zayavleniya/${number}` });
    await signInAsStaff(smo, 'smo77001', undefined, { next: `/konsol/zayavleniya/${number}` });
    // Both have the decision forms open; the ТФОМС operator issues first.
    await expect(smo.getByRole('button', { name: 'Оформить полис' })).toBeVisible();
    await tfoms.getByRole('button', { name: 'Оформить полис' }).click();
    await expect(tfoms.getByTestId('decision-notice')).toContainText('полис оформлен');
    await expect(tfoms.getByTestId('application-status')).toHaveText('Исполнено');
    await expect(tfoms.getByRole('button', { name: 'Оформить полис' })).toHaveCount(0);

    const refuse = smo.locator('form').filter({ has: smo.getByRole('button', { name: 'Отказать' }) });
    await refuse
      .getByLabel('Причина отказа')
      .selectOption({ label: 'Данные заявления не совпадают с данными документов' });
    await refuse.getByRole('button', { name: 'Отказать' }).click();
    await expect(refuse.getByRole('alert')).toContainText(
      `Заявление № ${number} уже рассмотрено: «Исполнено», решение принял(а) Сидоров Алексей Николаевич (tfoms77)`,
    );
    await expectAccessible(smo);
    await first.close();
    await second.close();

    await page.goto('/lk/zayavleniya');
    await expect(page.getByTestId('application').filter({ hasText: number })).toContainText('Исполнено');
    await page.goto('/lk/polis');
    await expect(page.getByText(/\d{4} \d{4} \d{4} \d{4}/).first()).toBeVisible();
  });

  test('an unknown or malformed application number gets «не найдено» (or the edge’s 400), never an error', async ({
    page,
  }) => {
    await signInAsStaff(page, 'smo77001', undefined, { next: '/konsol/zayavleniya' });
    for (const [path, status] of [
      ['/konsol/zayavleniya/2026-99999999', 404],
      ['/konsol/zayavleniya/abc', 404],
      [`/konsol/zayavleniya/${'9'.repeat(300)}`, 404],
      ['/konsol/zayavleniya/2026-0000%2700', 404],
      // A target that does not percent-decode is refused by the edge before any page (issue 9).
      ['/konsol/zayavleniya/%D0', 400],
    ] as const) {
      const response = await page.goto(path);
      expect(response!.status(), path).toBe(status);
    }
  });
});
