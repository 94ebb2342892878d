import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { citizen, signInAsCitizen, signOutCitizen } from './support/citizen';

/**
 * Citizen sign-in through the development ЕСИА provider: a real OpenID Connect authorization-code flow with
 * PKCE between the portal (next-auth) and the provider mounted at /esia-dev, on the production build.
 */

async function expectSignedOut(page: Page) {
  await page.goto('/lk');
  await expect(page).toHaveURL(/\/lk\/vhod$/);
  await expect(page.getByRole('heading', { name: 'Вход в личный кабинет', level: 1 })).toBeVisible();
}

test.describe('citizen sign-in', () => {
  test('a verified demo citizen signs in through the provider and lands in the cabinet', async ({ page }) => {
    const parent = citizen('active-moscow-parent');
    await page.goto('/lk');
    await expect(page).toHaveURL(/\/lk\/vhod$/);
    await page.getByRole('button', { name: 'Войти через Госуслуги (ЕСИА)' }).click();

    // The provider's own page: test citizens grouped by account level, a form each.
    await expect(page).toHaveURL(/\/esia-dev\/interaction\/[\w-]+$/);
    await expect(page.getByRole('heading', { name: 'Вход через Госуслуги', level: 1 })).toBeVisible();
    for (const level of ['Подтверждённая', 'Стандартная', 'Упрощённая']) {
      await expect(page.getByRole('heading', { name: `${level} учётная запись`, level: 2 })).toBeVisible();
    }
    await page.getByRole('button', { name: `Войти как ${parent.name}`, exact: true }).click();

    await expect(page).toHaveURL(/\/lk$/);
    await expect(page.getByRole('heading', { name: 'Личный кабинет', level: 1 })).toBeVisible();
    await expect(page.getByText(`Вы вошли как ${parent.name}`)).toBeVisible();
    await expect(page.getByText('Здравствуйте, Сергей Петрович!')).toBeVisible();
    await expect(page.getByText('Учётная запись Госуслуг: подтверждённая.')).toBeVisible();
    await expect(page.getByText('Ваши сведения найдены в регистре застрахованных лиц.')).toBeVisible();
    await expect(page.getByText('Вы можете действовать за детей: 1.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Почему нельзя подать заявление' })).toHaveCount(0);

    // The session is next-auth's encrypted, httpOnly cookie; no identity is readable by the page.
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'next-auth.session-token');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
    // One cookie, not next-auth's chunks: the claims are kept small.
    expect(session!.value.length).toBeLessThan(3800);
    expect(cookies.some((c) => c.name.startsWith('next-auth.session-token.'))).toBe(false);
    expect(cookies.some((c) => c.value.includes('14821563057') || c.value.includes('Иванов'))).toBe(false);
  });

  test('an unverified account can look but is told why it cannot apply and how to get verified', async ({
    page,
  }) => {
    const foreigner = citizen('foreign-resident');
    await signInAsCitizen(page, foreigner.key);
    await expect(page.getByText(`Вы вошли как ${foreigner.name}`)).toBeVisible();
    await expect(page.getByText('Учётная запись Госуслуг: стандартная.')).toBeVisible();
    const notice = page.getByRole('region', { name: 'Почему нельзя подать заявление' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('только с подтверждённой учётной записью');
    await expect(notice).toContainText('МФЦ');
    await expect(notice).toContainText('банк');
    await expect(notice).toContainText('Почту России');
  });

  test('a simplified account is not matched to anyone in the register', async ({ page }) => {
    await signInAsCitizen(page, 'simplified');
    await expect(page.getByText('Учётная запись Госуслуг: упрощённая.')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Почему нельзя подать заявление' })).toContainText(
      'паспорт и СНИЛС',
    );
    await expect(
      page.getByText('По упрощённой учётной записи мы не можем найти вас в регистре застрахованных лиц.'),
    ).toBeVisible();
  });

  test('a verified person not in the register yet is signed in and told so', async ({ page }) => {
    await signInAsCitizen(page, 'not-registered');
    await expect(page.getByText(`Вы вошли как ${citizen('not-registered').name}`)).toBeVisible();
    await expect(page.getByText('Мы не нашли вас в регистре застрахованных лиц.')).toBeVisible();
  });

  test('sign-out ends the session and returns to the start page; the next sign-in asks again', async ({
    page,
  }) => {
    await signInAsCitizen(page, 'changed-insurer-this-year');
    await page.getByRole('button', { name: 'Выйти', exact: true }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { name: 'Полис ОМС онлайн', level: 1 })).toBeVisible();
    await expectSignedOut(page);

    // The provider asks whom to sign in as every time, so another citizen can sign in in the same browser.
    await signInAsCitizen(page, 'moved-region-this-year');
    await expect(page.getByText(`Вы вошли как ${citizen('moved-region-this-year').name}`)).toBeVisible();
    await signOutCitizen(page);
    await expectSignedOut(page);
  });

  test('signing in leads back to the cabinet page asked for', async ({ page }) => {
    await page.goto('/lk/vhod?next=/lk/vyhod');
    await page.getByRole('button', { name: 'Войти через Госуслуги (ЕСИА)' }).click();
    await page.getByRole('button', { name: `Войти как ${citizen('insurer-leaving-region').name}` }).click();
    await expect(page).toHaveURL(/\/lk\/vyhod$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Выход из личного кабинета');
    await expect(page.getByRole('main')).toContainText(
      `Вы вошли как ${citizen('insurer-leaving-region').name}`,
    );
  });

  test('cancelling at the provider returns to the sign-in page with a message and no session', async ({
    page,
  }) => {
    await page.goto('/lk/vhod');
    await page.getByRole('button', { name: 'Войти через Госуслуги (ЕСИА)' }).click();
    await page.getByRole('button', { name: 'Отменить вход и вернуться' }).click();
    await expect(page).toHaveURL(/\/lk\/vhod\?/);
    await expect(page.getByRole('alert', { name: 'Не удалось войти' })).toContainText(
      'Вход через Госуслуги не завершён',
    );
    await expectSignedOut(page);
  });
});

test('sign-in pages, the provider page and the cabinet have no serious accessibility violations', async ({
  page,
}) => {
  await page.goto('/lk/vhod');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Войти через Госуслуги (ЕСИА)' }).click();
  await expect(page).toHaveURL(/\/esia-dev\/interaction\//);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Отменить вход и вернуться' }).click();
  await expect(page.getByRole('alert', { name: 'Не удалось войти' })).toBeVisible();
  await expectAccessible(page);
  await signInAsCitizen(page, 'simplified');
  await expectAccessible(page);
  await page.goto('/lk/vyhod');
  await expectAccessible(page);
});

test.describe('citizen sign-in without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the same sign-in and sign-out work with plain form posts', async ({ page }) => {
    const person = citizen('suspended-military-service');
    await signInAsCitizen(page, person.key);
    await expect(page.getByText(`Вы вошли как ${person.name}`)).toBeVisible();
    await expect(page.getByText('Ваши сведения найдены в регистре застрахованных лиц.')).toBeVisible();
    await page.getByRole('button', { name: 'Выйти', exact: true }).click();
    await expect(page).toHaveURL(/\/$/);
    await expectSignedOut(page);
  });

  test('an unverified account is told why it cannot apply', async ({ page }) => {
    await signInAsCitizen(page, 'foreign-resident');
    await expect(page.getByRole('region', { name: 'Почему нельзя подать заявление' })).toBeVisible();
  });
});

test.describe('what the portal and the provider refuse', () => {
  test('a callback the browser did not start (forged code and state) creates no session', async ({
    page,
  }) => {
    await page.goto('/api/auth/callback/esia?code=forged&state=forged');
    await expect(page).toHaveURL(/\/lk\/vhod\?/);
    await expect(page.getByRole('alert', { name: 'Не удалось войти' })).toContainText('Не удалось войти');
    await expectSignedOut(page);
  });

  test('a sign-in post from another site is refused', async ({ request }) => {
    const response = await request.post('/lk/vhod/esia', {
      headers: { origin: 'https://evil.example' },
      form: { next: '/lk' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
  });

  test('the provider accepts only the portal, its redirect URI, and PKCE with S256', async ({ request }) => {
    const authorize = (params: Record<string, string>) =>
      request.get(`/esia-dev/auth?${new URLSearchParams(params)}`, { maxRedirects: 0 });
    const valid = {
      client_id: 'erz-oms-portal',
      redirect_uri: `${new URL(test.info().project.use.baseURL!).origin}/api/auth/callback/esia`,
      response_type: 'code',
      scope: 'openid',
      state: 'abc',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    };
    // The valid request goes on to the sign-in page.
    const ok = await authorize(valid);
    expect(ok.status()).toBe(303);
    expect(ok.headers().location).toMatch(/\/esia-dev\/interaction\//);

    for (const bad of [{ client_id: 'someone-else' }, { redirect_uri: 'https://evil.example/callback' }]) {
      const response = await authorize({ ...valid, ...bad });
      expect(response.status(), JSON.stringify(bad)).toBe(400);
      expect(response.headers().location).toBeUndefined();
    }
    for (const bad of [{ code_challenge: '' }, { code_challenge_method: 'plain' }]) {
      const response = await authorize({ ...valid, ...bad });
      expect(response.status(), JSON.stringify(bad)).toBe(303);
      expect(response.headers().location, JSON.stringify(bad)).toContain('error=invalid_request');
    }
  });
});
