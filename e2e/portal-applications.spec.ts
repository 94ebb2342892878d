import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { signInAsCitizen } from './support/citizen';
import { expectNoHorizontalScroll, makeOwnApplication } from './support/portal';

/**
 * Journey 8: «Мои заявления» with each application's status history and due time, and the notifications
 * a status change leaves. Each test has a person of its own who makes one application through journey 6's
 * own pages (a move to another polyclinic), so every application and notification it sees is its own.
 */

const MOSCOW_DATE_TIME = /\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/;

const unreadBadge = (page: Page) =>
  page.getByRole('navigation', { name: 'Разделы личного кабинета' }).getByTestId('nav-notifications');

test.describe('journey 8: my applications', () => {
  test('an application made in a journey is listed, with its status history and due time', async ({
    page,
  }) => {
    const made = await makeOwnApplication(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Мои заявления');
    const item = page.locator(`[data-application-id="${made.id}"]`);
    await expect(item).toContainText(`Заявление № ${made.number}`);
    await expect(item).toContainText('Прикрепление к поликлинике');
    await expect(item).toContainText(made.person.name);
    // Journey 6 is decided by the register at once: the move is done.
    await expect(item).toContainText('Исполнено');
    await expect(item).toContainText(MOSCOW_DATE_TIME);
    await expectAccessible(page);

    await item.getByRole('link', { name: new RegExp(made.number) }).click();
    await expect(page).toHaveURL(new RegExp(`/lk/zayavleniya/${made.number}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`Заявление № ${made.number}`);
    const summary = page.getByTestId('application-summary');
    await expect(summary).toContainText('Подано');
    await expect(summary).toContainText('Срок рассмотрения');
    await expect(summary).toContainText(/до \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} \(мск\)/);
    const history = page.getByTestId('application-history').getByRole('listitem');
    await expect(history.first()).toContainText('Отправлено');
    await expect(history.first()).toContainText(MOSCOW_DATE_TIME);
    expect(await history.count()).toBeGreaterThanOrEqual(2);
    await expect(history.last()).toContainText('Исполнено');
    // The summary's status is the last one in the history.
    const last = (await history.last().locator('.tag').innerText()).trim();
    await expect(summary.locator('.tag').first()).toHaveText(last);
    await expectAccessible(page);

    // The same application by its id.
    await page.goto(`/lk/zayavleniya/${made.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`Заявление № ${made.number}`);
  });

  test('an unknown number says not found, without an error page', async ({ page }) => {
    await signInAsCitizen(page, 'foreign-resident', '/lk/zayavleniya');
    await expect(page.getByTestId('no-applications')).toContainText('Заявлений пока нет.');
    await page.goto('/lk/zayavleniya/1999-99999999');
    await expect(page.getByTestId('refusal').getByRole('heading')).toHaveText('Не найдено');
    await page.goto('/lk/zayavleniya/not-a-number');
    await expect(page.getByTestId('refusal')).toContainText('Заявление не найдено');
    await expectAccessible(page);
  });
});

test.describe('notifications', () => {
  test('are listed with their applications; the cabinet shows how many are unread', async ({ page }) => {
    const made = await makeOwnApplication(page);
    await page.goto('/lk/uvedomleniya');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Уведомления');
    const about = page.getByTestId('notification').filter({ hasText: `Заявление № ${made.number}` });
    await expect(about.first()).toBeVisible();
    await expect(about.filter({ hasText: 'отправлено' })).toHaveCount(1);
    await expect(about.first().getByRole('link', { name: `Заявление № ${made.number}` })).toHaveAttribute(
      'href',
      `/lk/zayavleniya/${made.number}`,
    );
    await expect(about.first()).toContainText(MOSCOW_DATE_TIME);
    await expectAccessible(page);
  });
});

test.describe('notifications without JavaScript', () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 375, height: 740 } });

  test('one and then all are marked read with plain form posts', async ({ page }) => {
    // The person's own application leaves them its notifications (sent, then done), all unread.
    const made = await makeOwnApplication(page);
    await page.goto('/lk/uvedomleniya');
    const mine = page.getByTestId('notification').filter({ hasText: `Заявление № ${made.number}` });
    const unread = page.locator('[data-testid="notification"].notification--unread');
    const total = await mine.count();
    expect(total, 'notifications about the application').toBeGreaterThanOrEqual(2);
    await expect(unread).toHaveCount(total);
    await expect(unreadBadge(page)).toContainText(`${total} непрочитанных`);
    await expectNoHorizontalScroll(page);

    // The «sent» notification is marked read: it alone loses its unread mark.
    const sent = mine.filter({ hasText: 'отправлено' });
    await expect(sent).toHaveCount(1);
    await sent.getByRole('button', { name: /^Отметить прочитанным/ }).click();
    await expect(page).toHaveURL(/\/lk\/uvedomleniya\?otmecheno=1$/);
    await expect(page.getByTestId('marked')).toHaveText('Отмечено прочитанными: 1 уведомление.');
    await expect(mine.filter({ hasText: 'отправлено' })).not.toHaveClass(/notification--unread/);
    await expect(unread).toHaveCount(total - 1);
    await expect(unreadBadge(page)).toContainText(`${total - 1} непрочитанных`);

    await page.getByRole('button', { name: 'Отметить все как прочитанные' }).click();
    await expect(page.getByTestId('marked')).toContainText(`Отмечено прочитанными: ${total - 1}`);
    await expect(unread).toHaveCount(0);
    await expect(unreadBadge(page)).not.toContainText('непрочитанных');
    await expect(page.getByText('Новых уведомлений нет.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Отметить все как прочитанные' })).toHaveCount(0);
  });
});
