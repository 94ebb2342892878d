import { expect, test, type Page } from '@playwright/test';
import { JOURNEY_PAGES } from './support/portal';
import { signInAsCitizen, signInAsSynthetic } from './support/citizen';
import { ru } from './support/demo';
import {
  accessible,
  answer,
  change,
  confirmation,
  expectFieldError,
  formFields,
  heading,
  next,
  postAgain,
  send,
  start,
} from './support/journeys';
import { newIdentity, type OwnIdentity } from './support/people';

/**
 * Journey 1, «Получить электронный полис», for a verified identity of the test's own that the register does
 * not know (a fresh synthetic citizen: every run is a new applicant). One test drives two browser tabs of the same account — one without
 * JavaScript, one with it — through the questions to «Проверьте ответы»; the tab without JavaScript sends
 * the application (the policy is issued at once), the very same form is posted again (a double post), and
 * then the tab with JavaScript sends its own copy: all three show the same application and ЕНП. Afterwards
 * the start page shows the ЕНП at once.
 */

test.describe.configure({ mode: 'serial' });

/**
 * Region and insurer with an error on each question, a «Изменить» detour, and the check page. axe needs
 * JavaScript in the page, so it runs in the tab that has it.
 */
async function answerQuestions(page: Page, who: OwnIdentity, axe: boolean): Promise<void> {
  const check = async () => (axe ? accessible(page) : undefined);
  await expect(heading(page, 'Получить электронный полис ОМС')).toBeVisible();
  await check();
  await start(page);

  await expect(heading(page, 'В каком регионе вы живёте?')).toBeVisible();
  await check();
  await next(page);
  await expectFieldError(page, 'subjectCode', 'Выберите регион из списка.');
  await check();
  await page.getByLabel('Регион (субъект РФ)').selectOption({ label: 'город Москва' });
  await next(page);

  await expect(heading(page, 'Выберите страховую медицинскую организацию')).toBeVisible();
  await check();
  await next(page);
  await expectFieldError(page, 'insurerCode', 'Выберите страховую компанию из списка.');
  await check();
  const insurer = page.getByRole('radio').first();
  const insurerName =
    (await page.locator(`label[for="${await insurer.getAttribute('id')}"]`).textContent()) ?? '';
  await insurer.check();
  await next(page);

  await expect(heading(page, 'Проверьте ответы')).toBeVisible();
  await expect(answer(page, 'Регион')).toHaveText('город Москва');
  await expect(answer(page, 'Страховая компания')).toHaveText(insurerName);
  // The ЕСИА data is shown, not asked.
  const identity = page.locator('.journey-identity');
  await expect(identity).toContainText(who.name);
  await expect(identity).toContainText(ru(who.birthDate));
  await check();
  // «Изменить» goes back to the question with the answer kept, and «Продолжить» returns here.
  await change(page, 'Регион');
  await expect(heading(page, 'В каком регионе вы живёте?')).toBeVisible();
  await expect(page.getByLabel('Регион (субъект РФ)')).toHaveValue('77');
  await next(page);
  await expect(heading(page, 'Проверьте ответы')).toBeVisible();
  await expect(answer(page, 'Страховая компания')).toHaveText(insurerName);
}

/** The fields of the form that is on the page (hidden ones too), as the browser would post them. */
test.describe('journey 1: electronic policy, without JavaScript (and a second tab with it)', () => {
  test.use({ javaScriptEnabled: false });

  test('a new applicant gets an ЕНП at once; a double post and a second submission show the same', async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const applicant = newIdentity();
    await signInAsSynthetic(page, applicant.seed, '/lk/poluchit-polis');
    await answerQuestions(page, applicant, false);

    // A second tab with JavaScript, same account, up to its own check page.
    const withJs = await browser.newContext({ baseURL, javaScriptEnabled: true, locale: 'ru-RU' });
    const tab = await withJs.newPage();
    await signInAsSynthetic(tab, applicant.seed, '/lk/poluchit-polis');
    await answerQuestions(tab, applicant, true);

    const posted = await formFields(page, 'Отправить заявление');
    await send(page);
    const number = await confirmation(page, 'Полис ОМС оформлен');
    const enp = (await page.getByTestId('enp').textContent())!;
    expect(enp).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    await expect(page.getByText('Что дальше')).toBeVisible();

    // The same form posted again (a double click, a reload that re-posts): the same application.
    const html = await postAgain(page, '/lk/poluchit-polis', posted);
    expect(html).toContain(number);
    expect(html).toContain(enp);
    expect(html).toContain('Это заявление уже было отправлено раньше');

    // The other tab sends its copy: still one application and one ЕНП.
    await send(tab);
    expect(await confirmation(tab, 'Полис ОМС оформлен')).toBe(number);
    await expect(tab.getByTestId('enp')).toHaveText(enp);
    await expect(tab.getByText('Это заявление уже было отправлено раньше')).toBeVisible();
    await accessible(tab);

    // Now the ЕНП is shown at once.
    await tab.goto('/lk/poluchit-polis');
    await expect(heading(tab, 'У вас уже есть полис ОМС')).toBeVisible();
    await expect(tab.getByTestId('enp')).toHaveText(enp);
    await accessible(tab);
    await withJs.close();
  });
});

test.describe('journey 1: who may not apply', () => {
  test('an unverified account sees the start page and is told why it cannot apply and how to get verified', async ({
    page,
  }) => {
    await signInAsCitizen(page, 'simplified', '/lk/poluchit-polis');
    await expect(heading(page, 'Получить электронный полис ОМС')).toBeVisible();
    const notice = page.getByRole('region', { name: 'Почему нельзя подать заявление' });
    await expect(notice).toContainText('Подать заявление можно только с подтверждённой учётной записью');
    await expect(notice).toContainText('МФЦ');
    await expect(page.getByRole('button', { name: 'Начать' })).toHaveCount(0);
    await accessible(page);
  });

  test('someone already in the register gets their ЕНП shown at once', async ({ page }) => {
    await signInAsCitizen(page, 'active-moscow-parent', '/lk/poluchit-polis');
    await expect(heading(page, 'У вас уже есть полис ОМС')).toBeVisible();
    await expect(page.getByTestId('enp')).toHaveText(/^77\d{2} \d{4} \d{4} \d{4}$/);
    await expect(page.getByRole('button', { name: 'Начать' })).toHaveCount(0);
  });

  test('a visitor who is not signed in is sent to sign in, and comes back to the journey after', async ({
    page,
  }) => {
    for (const path of JOURNEY_PAGES) {
      await page.goto(path);
      await expect(page).toHaveURL(`/lk/vhod?next=${encodeURIComponent(path)}`);
    }
    await signInAsCitizen(page, 'active-moscow-parent', '/lk/smena-smo');
    await expect(heading(page, 'Смена страховой медицинской организации')).toBeVisible();
  });

  test('an unverified account sees every journey’s start page and is told why it cannot apply', async ({
    page,
  }) => {
    await signInAsCitizen(page, 'foreign-resident', '/lk');
    for (const path of JOURNEY_PAGES.filter((p) => p !== '/lk/poluchit-polis')) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Почему нельзя подать заявление' })).toContainText(
        'только с подтверждённой учётной записью',
      );
      await expect(page.getByRole('button', { name: 'Начать' })).toHaveCount(0);
    }
  });
});
