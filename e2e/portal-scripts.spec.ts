import { expect, test, type Page } from '@playwright/test';
import { signInAsCitizen } from './support/citizen';
import { heading, next, start } from './support/journeys';

/** A demo person, only looked at (nothing here is sent). */
const READER = 'insurer-leaving-region';

/**
 * The portal's pages are plain HTML with one small enhancement script (ADR 0016): the browser downloads
 * no framework code on them, the script runs under the page's Content-Security-Policy, moves the focus to
 * the error summary and keeps a form from being sent twice. Staff pages keep Next's client runtime.
 */

/** Every script the page makes the browser fetch, by path. */
function scriptsFetchedBy(page: Page): string[] {
  const fetched: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') fetched.push(new URL(r.url()).pathname);
  });
  return fetched;
}

/** Content-Security-Policy violations reported in the page. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}

test('cabinet pages load only the portal script; staff sign-in keeps the framework', async ({ page }) => {
  const fetched = scriptsFetchedBy(page);
  const violations = cspViolations(page);
  await signInAsCitizen(page, READER, '/lk/polis');
  await expect(page.getByTestId('enp')).toBeVisible();
  fetched.length = 0;
  for (const path of ['/lk/polis', '/lk', '/lk/smena-smo', '/']) {
    await page.goto(path);
    await page.waitForLoadState('load');
    expect(await page.locator('script').count(), path).toBe(1);
    expect(await page.locator('script').getAttribute('src'), path).toBe('/portal.js');
    expect(await page.evaluate(() => '__next_f' in self), path).toBe(false);
  }
  expect([...new Set(fetched)]).toEqual(['/portal.js']);
  expect(violations).toEqual([]);

  // A staff page is not part of the portal: there the framework's scripts are still served.
  await page.goto('/vhod');
  await page.waitForLoadState('load');
  expect(fetched.some((p) => p.startsWith('/_next/static/'))).toBe(true);
});

test('after a failed step the error summary has the focus (the portal script ran under the CSP)', async ({
  page,
}) => {
  const violations = cspViolations(page);
  await signInAsCitizen(page, READER, '/lk/rebenok');
  await start(page);
  await expect(heading(page, 'Сведения о ребёнке')).toBeVisible();
  await next(page);
  const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Есть ошибки' }) });
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  expect(violations).toEqual([]);
});

test('a form sent again while the first submission is on its way goes to the server once', async ({
  page,
}) => {
  await signInAsCitizen(page, READER, '/lk/rebenok');
  await expect(heading(page, 'Зарегистрировать ребёнка и оформить ему полис ОМС')).toBeVisible();
  // The portal script is deferred: it runs before DOMContentLoaded, and the test is about what it does.
  await page.waitForLoadState('domcontentloaded');
  // The first submission is held back until the second attempt has been made.
  let posts = 0;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/lk/rebenok', async (route) => {
    if (route.request().method() === 'POST' && ++posts === 1) await held;
    // Without the portal script the browser would drop the first navigation for the second one.
    await route.continue().catch(() => undefined);
  });
  // The second attempt comes from the page itself a moment after the first, while the first is held; the
  // page says so on its console (evaluate cannot ask it: it waits for the held navigation).
  const secondAttempt = page.waitForEvent('console', {
    predicate: (m) => m.text() === 'second attempt made',
  });
  await page.evaluate(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Начать');
    if (!button?.form) throw new Error('no «Начать» form');
    const form = button.form;
    form.requestSubmit(button);
    setTimeout(() => {
      form.requestSubmit(button);
      console.log('second attempt made');
    }, 200);
  });
  await expect.poll(() => posts).toBe(1);
  await secondAttempt;
  // Had the browser sent the second post, it would have dropped the first navigation for it: the page
  // that arrives would be the second post's answer, counted by the route on its way.
  const answered = page.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().endsWith('/lk/rebenok'),
  );
  release();
  await expect(heading(page, 'Сведения о ребёнке')).toBeVisible();
  expect((await answered).status()).toBe(200);
  expect(posts).toBe(1);
});
