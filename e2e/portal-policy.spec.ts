import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { testDay } from './support/clock';
import { signInAsCitizen } from './support/citizen';
import { demoPerson, ru } from './support/demo';
import { downloadExtract, expectNoHorizontalScroll, extractCode, pdfText, spacedEnp } from './support/portal';

/**
 * Journey 7, «Мой полис»: the policy (ЕНП, status with since-when and why, insurer with contacts, region,
 * clinic, QR code), the PDF extract and its public verification — through the real sign-in, on the
 * production server.
 */

const parent = demoPerson('active-moscow-parent');
const child = demoPerson('child-with-birth-certificate');
const suspended = demoPerson('suspended-military-service');

const status = (page: Page) => page.getByTestId('policy-status');

test.describe('journey 7: my policy', () => {
  test('the parent sees the ЕНП, an active status, the insurer with contacts, region, clinic and a QR code', async ({
    page,
  }) => {
    await signInAsCitizen(page, parent.key, '/lk/polis');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Мой полис ОМС');
    await expect(page.getByTestId('enp')).toHaveText(spacedEnp(parent.enp));
    await expect(status(page).getByRole('heading')).toHaveText('Полис действует');
    await expect(status(page)).toContainText('Полис действует с 01.06.2011');
    const facts = page.getByTestId('policy-facts');
    await expect(facts).toContainText(`${parent.lastName} ${parent.firstName} ${parent.patronymic}`);
    await expect(facts).toContainText(ru(parent.birthDate));
    await expect(facts).toContainText('город Москва');

    const insurer = page.getByTestId('insurer');
    await expect(insurer).toContainText('Телефон');
    await expect(insurer.getByRole('link', { name: /^\+7 \(\d{3}\) \d{3}-\d{2}-\d{2}$/ })).toBeVisible();
    await expect(insurer).toContainText('Горячая линия');
    await expect(insurer.getByRole('link', { name: /^8-800-/ })).toBeVisible();
    await expect(insurer.getByRole('link', { name: /^oms77@/ })).toBeVisible();
    await expect(insurer).toContainText('Адрес');
    await expect(page.getByTestId('clinic')).toContainText('Прикреплён с');

    const qr = page.getByRole('img', { name: `QR-код полиса ОМС, ЕНП ${spacedEnp(parent.enp)}` });
    await expect(qr).toBeVisible();
    expect(await qr.evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
    // The person can pick whose policy to see: themselves or the child.
    await expect(page.getByRole('navigation', { name: 'Чей полис показать' })).toBeVisible();
    await expectAccessible(page);
  });

  test('a suspended policy says since when and why', async ({ page }) => {
    await signInAsCitizen(page, suspended.key, '/lk/polis');
    await expect(status(page).getByRole('heading')).toHaveText('Полис приостановлен');
    await expect(status(page).getByText('С какого дня')).toBeVisible();
    await expect(status(page).getByRole('definition').first()).toHaveText('01.10.2025');
    await expect(status(page)).toContainText(/Почему\s*прохождение военной службы/);
    await expect(page.getByTestId('enp')).toHaveText(spacedEnp(suspended.enp));
    await expect(page.getByRole('link', { name: 'Возобновить полис' })).toHaveAttribute(
      'href',
      '/lk/vozobnovit',
    );
    await expectAccessible(page);
  });

  test('the parent opens the child’s policy from the switcher', async ({ page }) => {
    await signInAsCitizen(page, parent.key, '/lk/polis');
    await page
      .getByRole('navigation', { name: 'Чей полис показать' })
      .getByRole('link', { name: new RegExp(`^${child.lastName} ${child.firstName}`) })
      .click();
    await expect(page).toHaveURL(new RegExp(`/lk/polis\\?chelovek=${child.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `Полис ОМС: ${child.lastName} ${child.firstName} ${child.patronymic}`,
    );
    await expect(page.getByTestId('enp')).toHaveText(spacedEnp(child.enp));
    await expect(page.getByTestId('clinic')).toContainText('ДГП');
    await expect(page.getByRole('img', { name: new RegExp(spacedEnp(child.enp)) })).toBeVisible();
    await expectAccessible(page);
  });

  test('the extract downloads as a PDF whose code verifies publicly, showing the holder masked', async ({
    page,
    browser,
    baseURL,
  }) => {
    const day = await testDay();
    await signInAsCitizen(page, parent.key, '/lk/polis');

    // What the server sends: a PDF attachment, not cached.
    const response = await page.request.post('/lk/polis/vypiska', {
      headers: { origin: new URL(baseURL!).origin },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect(response.headers()['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="vypiska-erz-${parent.enp}-\\d{4}-\\d{2}-\\d{2}\\.pdf"$`),
    );
    expect(response.headers()['cache-control']).toContain('no-store');
    expect(
      Buffer.from(await response.body())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');

    // What the person gets by pressing the button: the browser's download.
    const { fileName, pdf } = await downloadExtract(page);
    expect(fileName).toMatch(new RegExp(`^vypiska-erz-${parent.enp}-`));
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    await expect(page).toHaveURL(/\/lk\/polis$/);
    const text = await pdfText(pdf);
    expect(text).toContain(spacedEnp(parent.enp));
    expect(text).toContain(`${parent.lastName} ${parent.firstName} ${parent.patronymic}`);
    const code = extractCode(text);

    // Anyone can check the code, signed in or not: a clean browser.
    const context = await browser.newContext({ baseURL });
    const clinic = await context.newPage();
    await clinic.goto(`/verify/${code}`);
    const result = clinic.getByTestId('verify-result');
    await expect(result.getByRole('heading')).toHaveText('Выписка подлинная');
    await expect(result).toContainText('полис действует');
    const details = clinic.getByTestId('verify-details');
    await expect(details).toContainText('Иванов С. П., 12.04.****');
    await expect(details).toContainText(`${parent.enp.slice(0, 4)} **** **** ${parent.enp.slice(12)}`);
    await expect(details).toContainText(day.ru);
    // The holder's full name, birth year and full ЕНП are not on the page.
    const html = await clinic.content();
    expect(html).not.toContain(parent.firstName);
    expect(html).not.toContain(parent.enp);
    expect(html).not.toContain(spacedEnp(parent.enp));
    expect(html).not.toContain('1985');
    await expectAccessible(clinic);

    // The code as canonical characters (no dashes, lower case) verifies too.
    await clinic.goto(`/verify/${code.replace(/-/g, '').toLowerCase()}`);
    await expect(clinic.getByTestId('verify-result').getByRole('heading')).toHaveText('Выписка подлинная');
    await context.close();

    // Without JavaScript the check is the same page.
    const plain = await browser.newContext({ baseURL, javaScriptEnabled: false });
    const noJs = await plain.newPage();
    await noJs.goto(`/verify/${code}`);
    await expect(noJs.getByTestId('verify-result').getByRole('heading')).toHaveText('Выписка подлинная');
    await expect(noJs.getByTestId('verify-details')).toContainText('Иванов С. П., 12.04.****');
    await noJs.goto('/verify/NOT-A-CODE');
    await expect(noJs.getByTestId('verify-result').getByRole('heading')).toHaveText('Код указан неверно');
    await plain.close();
  });

  test('the child’s extract is the child’s', async ({ page }) => {
    await signInAsCitizen(page, parent.key, `/lk/polis?chelovek=${child.id}`);
    const { fileName, pdf } = await downloadExtract(page);
    expect(fileName).toMatch(new RegExp(`^vypiska-erz-${child.enp}-`));
    await expect(page).toHaveURL(new RegExp(`/lk/polis\\?chelovek=${child.id}$`));
    const code = extractCode(await pdfText(pdf));
    await page.goto(`/verify/${code}`);
    await expect(page.getByTestId('verify-details')).toContainText('Иванова А. С., 03.08.****');
  });

  test('a wrong or unknown code is reported as not valid', async ({ page }) => {
    await page.goto('/verify/NOT-A-CODE');
    const result = page.getByTestId('verify-result');
    await expect(result.getByRole('heading')).toHaveText('Код указан неверно');
    await expect(result).toContainText('26 латинских букв и цифр');
    await expectAccessible(page);

    await page.goto(`/verify/${'0'.repeat(26)}`);
    await expect(result.getByRole('heading')).toHaveText('Выписка не найдена');
    await expect(result).toContainText('не выдавалась');
    await expect(page.getByTestId('verify-details')).toHaveCount(0);
    await expectAccessible(page);
  });

  test('a citizen not in the register is told so and pointed to getting a policy', async ({ page }) => {
    await signInAsCitizen(page, 'simplified', '/lk/polis');
    const refusal = page.getByTestId('refusal');
    await expect(refusal.getByRole('heading')).toHaveText('Вас пока нет в регистре');
    await expect(refusal.getByRole('link', { name: 'Оформить полис ОМС' })).toHaveAttribute(
      'href',
      '/lk/poluchit-polis',
    );
    await expectAccessible(page);
  });
});

test.describe('journey 7 on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('the policy page fits a 375 px screen and passes axe', async ({ page }) => {
    await signInAsCitizen(page, parent.key, '/lk/polis');
    await expect(page.getByTestId('enp')).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    // Keyboard focus is visible: the download button gets the focus ring.
    const button = page.getByRole('button', { name: 'Скачать выписку (PDF)' });
    await button.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(button).toBeFocused();
    const outline = await button.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
  });
});

test.describe('journey 7 without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the policy shows and the extract downloads with a plain form post', async ({ page }) => {
    await signInAsCitizen(page, parent.key, '/lk/polis');
    await expect(page.getByTestId('enp')).toHaveText(spacedEnp(parent.enp));
    await expect(page.getByRole('img', { name: /QR-код полиса ОМС/ })).toBeVisible();
    const { pdf } = await downloadExtract(page);
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');

    await page.getByRole('navigation', { name: 'Чей полис показать' }).getByRole('link').first().click();
    await expect(page).toHaveURL(new RegExp(`chelovek=${child.id}$`));
    await expect(page.getByTestId('enp')).toHaveText(spacedEnp(child.enp));
  });
});
