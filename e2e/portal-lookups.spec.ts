import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { signInAsCitizen } from './support/citizen';
import { testDay } from './support/clock';
import { demoPerson } from './support/demo';
import {
  REGISTRAR_CLINIC,
  downloadExtract,
  expectNoHorizontalScroll,
  extractCode,
  lookUpAsRegistrar,
  pdfText,
} from './support/portal';

/** Journey 9, «Кто смотрел мой полис»: the clinics' lookups of the citizen's (and the child's) policy. */

const parent = demoPerson('active-moscow-parent');
const child = demoPerson('child-with-birth-certificate');

test.describe('journey 9: who looked up my policy', () => {
  test('after a registrar’s lookup the citizen sees the clinic and the date', async ({
    page,
    browser,
    baseURL,
  }) => {
    const day = await testDay();
    await lookUpAsRegistrar(browser, baseURL!, parent.enp);
    await signInAsCitizen(page, parent.key, '/lk/prosmotry');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Кто смотрел мой полис');
    // Other tests in parallel may add entries for the same person: take the newest one of this kind.
    const latest = page.getByTestId('lookup').filter({ hasText: REGISTRAR_CLINIC }).first();
    await expect(latest).toContainText(REGISTRAR_CLINIC);
    await expect(latest).toContainText(day.ru);
    await expect(latest).toContainText('Регистратура медицинской организации');
    await expect(latest).toContainText('Сведения о полисе получены');
    // Never the staff member.
    await expect(page.locator('main')).not.toContainText('Кузнецова');
    await expectAccessible(page);
  });

  test('the parent sees the lookups of the child’s policy', async ({ page, browser, baseURL }) => {
    const day = await testDay();
    await lookUpAsRegistrar(browser, baseURL!, child.enp);
    await signInAsCitizen(page, parent.key, `/lk/prosmotry?chelovek=${child.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `Кто смотрел полис: ${child.lastName} ${child.firstName} ${child.patronymic}`,
    );
    // Other tests in parallel may add entries for the same person: take the newest one of this kind.
    const latest = page.getByTestId('lookup').filter({ hasText: REGISTRAR_CLINIC }).first();
    await expect(latest).toContainText(REGISTRAR_CLINIC);
    await expect(latest).toContainText(day.ru);
    await expectAccessible(page);
  });

  test('a check of the citizen’s extract by its code is listed too', async ({ page }) => {
    const day = await testDay();
    await signInAsCitizen(page, parent.key, '/lk/polis');
    const code = extractCode(await pdfText((await downloadExtract(page)).pdf));
    await page.goto(`/verify/${code}`);
    await expect(page.getByTestId('verify-result').getByRole('heading')).toHaveText('Выписка подлинная');
    await page.goto('/lk/prosmotry');
    // Registrar lookups by parallel tests may be newer: take the newest extract check.
    const latest = page.getByTestId('lookup').filter({ hasText: 'Проверка выписки по коду' }).first();
    await expect(latest).toContainText('Проверка выписки по коду');
    await expect(latest).toContainText('Выписка подтверждена');
    await expect(latest).toContainText(day.ru);
  });
});

test.describe('journey 9 on a phone and without JavaScript', () => {
  test.use({ viewport: { width: 375, height: 740 }, javaScriptEnabled: false });

  test('the list shows and fits the screen', async ({ page, browser, baseURL }) => {
    await lookUpAsRegistrar(browser, baseURL!, parent.enp);
    await signInAsCitizen(page, parent.key, '/lk/prosmotry');
    await expect(page.getByTestId('lookup').filter({ hasText: REGISTRAR_CLINIC }).first()).toBeVisible();
    await page
      .getByRole('navigation', { name: 'Чей полис' })
      .getByRole('link', { name: new RegExp(child.firstName) })
      .click();
    await expect(page).toHaveURL(new RegExp(`/lk/prosmotry\\?chelovek=${child.id}$`));
    await expectNoHorizontalScroll(page);
  });
});
