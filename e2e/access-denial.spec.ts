import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { signInAsCitizen } from './support/citizen';
import { demoPerson } from './support/demo';
import { signInAsStaff } from './support/staff';
import { JOURNEY_PAGES, makeOwnApplication, spacedEnp } from './support/portal';

/**
 * The access-denial suite: every cabinet address tried by the wrong party — citizen A with citizen B's
 * (and B's child's) ids, a signed-out visitor, a staff session — and the citizen at the clinic workspace.
 * Ids in addresses are only choices: the use cases refuse anything that is not the citizen's own or their
 * child's, and no page shows anything of B.
 */

const a = demoPerson('suspended-military-service');
const b = demoPerson('active-moscow-parent');
const bChild = demoPerson('child-with-birth-certificate');

/** Nothing of B or B's child anywhere in the page's HTML. */
async function expectNothingOfB(page: Page): Promise<void> {
  const html = await page.content();
  for (const secret of [
    b.enp,
    spacedEnp(b.enp),
    bChild.enp,
    spacedEnp(bChild.enp),
    b.lastName,
    bChild.lastName,
    b.snils ?? '-',
    bChild.snils ?? '-',
    '12.04.1985',
    '03.08.2019',
  ]) {
    expect(html, `${page.url()} shows ${secret}`).not.toContain(secret);
  }
}

const CABINET_PAGES = [
  '/lk',
  '/lk/polis',
  `/lk/polis?chelovek=${bChild.id}`,
  '/lk/zayavleniya',
  '/lk/zayavleniya/2026-00000001',
  '/lk/zayavleniya/1',
  '/lk/uvedomleniya',
  '/lk/prosmotry',
  `/lk/prosmotry?chelovek=${bChild.id}`,
];

function expectNoPdf(response: APIResponse): void {
  expect(response.headers()['content-type'] ?? '').not.toContain('application/pdf');
  expect(response.headers()['content-disposition']).toBeUndefined();
}

test.describe('citizen A and citizen B', () => {
  test('A cannot see B’s policy, B’s child’s policy, nor who looked them up', async ({ page }) => {
    await signInAsCitizen(page, a.key, '/lk/polis');
    await expect(page.getByTestId('enp')).toHaveText(spacedEnp(a.enp));

    for (const path of [
      `/lk/polis?chelovek=${b.id}`,
      `/lk/polis?chelovek=${bChild.id}`,
      `/lk/prosmotry?chelovek=${b.id}`,
      `/lk/prosmotry?chelovek=${bChild.id}`,
    ]) {
      await page.goto(path);
      const refusal = page.getByTestId('refusal');
      await expect(refusal.getByRole('heading'), path).toHaveText('Нет доступа');
      await expect(refusal).toContainText('действовать можно только за себя и за своих детей');
      await expect(page.getByTestId('enp')).toHaveCount(0);
      await expectNothingOfB(page);
    }
    await expectAccessible(page);

    // Not a number, a negative, a huge one: refused the same way, never an error page.
    for (const junk of ['abc', '-1', '1e3', '99999999999999999999', `${b.id}%20or%201=1`]) {
      await page.goto(`/lk/polis?chelovek=${junk}`);
      await expect(page.getByTestId('refusal').getByRole('heading'), junk).toHaveText('Нет доступа');
      await expectNothingOfB(page);
    }
  });

  test('A cannot download B’s or B’s child’s extract', async ({ page, baseURL }) => {
    await signInAsCitizen(page, a.key, '/lk/polis');
    const origin = new URL(baseURL!).origin;
    for (const id of [b.id, bChild.id]) {
      const response = await page.request.post('/lk/polis/vypiska', {
        headers: { origin },
        form: { chelovek: String(id) },
        maxRedirects: 0,
      });
      expect(response.status()).toBe(303);
      expect(response.headers().location).toBe(`${origin}/lk/polis?chelovek=${id}&vypiska=oshibka`);
      expectNoPdf(response);
      await page.goto(response.headers().location!);
      await expect(page.getByTestId('refusal').getByRole('heading')).toHaveText('Нет доступа');
      await expectNothingOfB(page);
    }
    // A's own extract still works from the same session.
    const own = await page.request.post('/lk/polis/vypiska', { headers: { origin }, maxRedirects: 0 });
    expect(own.headers()['content-type']).toBe('application/pdf');
  });

  test('an extract post from another site is refused, even with a session', async ({ page }) => {
    await signInAsCitizen(page, a.key, '/lk/polis');
    const response = await page.request.post('/lk/polis/vypiska', {
      headers: { origin: 'https://evil.example' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expectNoPdf(response);
  });

  test('A cannot open the application of another person by its number or id', async ({
    browser,
    baseURL,
    page,
  }) => {
    // The other person is one of the test's own, with one application.
    const other = await browser.newContext({ baseURL });
    const application = await makeOwnApplication(await other.newPage());
    await other.close();
    await signInAsCitizen(page, a.key, '/lk/zayavleniya');
    await expect(page.getByTestId('application').filter({ hasText: application.number })).toHaveCount(0);
    for (const path of [`/lk/zayavleniya/${application.number}`, `/lk/zayavleniya/${application.id}`]) {
      await page.goto(path);
      const refusal = page.getByTestId('refusal');
      await expect(refusal.getByRole('heading'), path).toHaveText('Не найдено');
      await expect(refusal).toContainText('Заявление не найдено');
      await expect(page.getByTestId('application-history')).toHaveCount(0);
      const html = await page.content();
      for (const secret of [
        application.person.name,
        application.person.enp,
        spacedEnp(application.person.enp),
      ])
        expect(html, `${path} shows ${secret}`).not.toContain(secret);
    }
    await expectAccessible(page);
  });
});

test.describe('signed out', () => {
  test('every cabinet page sends the visitor to sign in and back', async ({ page }) => {
    for (const path of [...CABINET_PAGES, ...JOURNEY_PAGES]) {
      await page.goto(path);
      const expected = path === '/lk' ? '/lk/vhod' : `/lk/vhod?next=${encodeURIComponent(path)}`;
      await expect(page, path).toHaveURL(`${new URL(page.url()).origin}${expected}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Вход в личный кабинет');
    }
  });

  test('the extract route sends the visitor to sign in, with no file', async ({ request, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const response = await request.post('/lk/polis/vypiska', {
      headers: { origin },
      form: { chelovek: String(bChild.id) },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(303);
    expect(response.headers().location).toBe(
      `${origin}/lk/vhod?next=${encodeURIComponent(`/lk/polis?chelovek=${bChild.id}`)}`,
    );
    expectNoPdf(response);
  });
});

test.describe('staff and citizens keep to their own parts', () => {
  test('a staff session cannot use the cabinet', async ({ page, baseURL }) => {
    await signInAsStaff(page, 'registrator');
    for (const path of [...CABINET_PAGES, ...JOURNEY_PAGES]) {
      await page.goto(path);
      await expect(page, path).toHaveURL(/\/lk\/vhod(\?|$)/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Вход в личный кабинет');
      await expectNothingOfB(page);
    }
    const response = await page.request.post('/lk/polis/vypiska', {
      headers: { origin: new URL(baseURL!).origin },
      form: { chelovek: String(b.id) },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(303);
    expect(response.headers().location).toContain('/lk/vhod');
    expectNoPdf(response);
  });

  test('a citizen cannot reach the clinic workspace', async ({ page }) => {
    await signInAsCitizen(page, b.key);
    await page.goto('/clinic');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Нет доступа');
    await expect(page.getByRole('button', { name: /Проверить/ })).toHaveCount(0);
    await expect(page.getByLabel('ЕНП')).toHaveCount(0);
  });
});
