import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { signInAsCitizen } from './support/citizen';
import { demoPerson } from './support/demo';
import { ensureApplicationOf, expectNoHorizontalScroll, listedApplication } from './support/portal';

/**
 * Journey 8: «Мои заявления» with each application's status history and due time, and the notifications
 * a status change leaves. The seeded register has no applications: one is made through journey 6's own
 * pages (the demo parent moves his daughter to the other children's polyclinic), once per database.
 */

const parent = demoPerson('active-moscow-parent');
const child = demoPerson('child-with-birth-certificate');
const MOSCOW_DATE_TIME = /\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/;

const unreadBadge = (page: Page) =>
  page.getByRole('navigation', { name: 'Разделы личного кабинета' }).getByTestId('nav-notifications');

test.describe('journey 8: my applications', () => {
  test('an application made in a journey is listed, with its status history and due time', async ({
    page,
    browser,
    baseURL,
  }) => {
    const made = await ensureApplicationOf(browser, baseURL!, parent.key);

    await signInAsCitizen(page, parent.key, '/lk/zayavleniya');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Мои заявления');
    const item = page.locator(`[data-application-id="${made.id}"]`);
    await expect(item).toContainText(`Заявление № ${made.number}`);
    await expect(item).toContainText('Прикрепление к поликлинике');
    await expect(item).toContainText(`${child.lastName} ${child.firstName} ${child.patronymic}`);
    await expect(item).toContainText(/Исполнено|Отказ|Отправлено|В обработке/);
    await expect(item).toContainText(MOSCOW_DATE_TIME);
    expect(await listedApplication(page, 0)).toBeTruthy();
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
  test('are listed with their applications; the cabinet shows how many are unread', async ({
    page,
    browser,
    baseURL,
  }) => {
    const made = await ensureApplicationOf(browser, baseURL!, parent.key);
    await signInAsCitizen(page, parent.key, '/lk/uvedomleniya');
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

  test('one and then all are marked read with plain form posts', async ({ page, browser, baseURL }) => {
    // The application's status change leaves the parent a notification to mark.
    await ensureApplicationOf(browser, baseURL!, parent.key);
    await signInAsCitizen(page, parent.key, '/lk/uvedomleniya');
    const unread = page.locator('[data-testid="notification"].notification--unread');
    const before = await unread.count();
    // Only this test marks notifications read, so a fresh register (npm test, CI) always has some; a local
    // rerun against an older database may have none left to mark.
    test.skip(
      before === 0 && !process.env.CI,
      'Every notification of the demo parent is read already: run on a fresh database (npm test resets it).',
    );
    expect(before, 'unread notifications of the demo parent').toBeGreaterThan(0);
    await expect(unreadBadge(page)).toContainText(`${before} непрочитанных`);
    await expectNoHorizontalScroll(page);

    await unread
      .first()
      .getByRole('button', { name: /^Отметить прочитанным/ })
      .click();
    await expect(page).toHaveURL(/\/lk\/uvedomleniya\?otmecheno=1$/);
    await expect(page.getByTestId('marked')).toHaveText('Отмечено прочитанными: 1 уведомление.');
    await expect(unread).toHaveCount(before - 1);
    if (before - 1 > 0) {
      await expect(unreadBadge(page)).toContainText(`${before - 1} непрочитанных`);
      await page.getByRole('button', { name: 'Отметить все как прочитанные' }).click();
      await expect(page.getByTestId('marked')).toContainText(`Отмечено прочитанными: ${before - 1}`);
    }
    await expect(unread).toHaveCount(0);
    await expect(unreadBadge(page)).not.toContainText('непрочитанных');
    await expect(page.getByText('Новых уведомлений нет.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Отметить все как прочитанные' })).toHaveCount(0);
  });
});
