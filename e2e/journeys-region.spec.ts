import { expect, test } from '@playwright/test';
import { signInAsSynthetic } from './support/citizen';
import { testDay } from './support/clock';
import {
  accessible,
  answer,
  change,
  confirmation,
  expectFieldError,
  heading,
  next,
  send,
  start,
} from './support/journeys';
import { newPerson } from './support/people';

/**
 * Journey 4, «Переезд в другой регион», by a person of the test's own insured in Moscow, who moves to
 * Московская область: on a phone-sized screen (375 px) with JavaScript, and as plain form posts without it.
 */

test.use({ viewport: { width: 375, height: 812 } });
const TARGET = 'Московская область';

test('journey 4: moving to another region keeps the ЕНП; works on a 375 px screen', async ({ page }) => {
  test.setTimeout(90_000);
  const day = await testDay();
  await signInAsSynthetic(page, (await newPerson()).seed, '/lk/pereezd');
  await expect(heading(page, 'Переезд в другой регион')).toBeVisible();
  await accessible(page);
  const noHorizontalScroll = async () =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await noHorizontalScroll();
  await start(page);

  await expect(heading(page, 'В какой регион вы переехали?')).toBeVisible();
  await accessible(page);
  await next(page);
  await expectFieldError(page, 'subjectCode', 'Выберите регион из списка.');
  await accessible(page);
  await noHorizontalScroll();
  const select = page.getByLabel('Новый регион (субъект РФ)');
  // The region one lives in now is not offered.
  await expect(select.locator('option', { hasText: 'город Москва' })).toHaveCount(0);
  const target = TARGET;
  await select.selectOption({ label: target });
  await next(page);

  await expect(heading(page, 'Выберите страховую компанию в новом регионе')).toBeVisible();
  await expect(page.getByText(`«${target}»`)).toBeVisible();
  await accessible(page);
  await next(page);
  await expectFieldError(page, 'insurerCode', 'Выберите страховую компанию из списка.');
  await page.getByRole('radio').first().check();
  await next(page);

  await expect(heading(page, 'Проверьте ответы')).toBeVisible();
  await expect(answer(page, 'Новый регион')).toHaveText(target);
  await accessible(page);
  await noHorizontalScroll();
  await change(page, 'Новый регион');
  await expect(select).toHaveValue('50');
  await next(page);
  await expect(heading(page, 'Проверьте ответы')).toBeVisible();

  await send(page);
  await confirmation(page, 'Регион страхования изменён');
  await expect(page.getByTestId('effective-date')).toHaveText(day.ru);
  await expect(page.getByText('Номер полиса (ЕНП) не изменился')).toBeVisible();
  await expect(page.getByRole('link', { name: 'выбрать поликлинику' })).toHaveAttribute(
    'href',
    '/lk/poliklinika',
  );
  await accessible(page);
  await noHorizontalScroll();

  // The move unlocks a change of clinic at once, among the new region's clinics.
  await page.goto('/lk/poliklinika');
  await start(page);
  await expect(heading(page, 'Выберите поликлинику')).toBeVisible();
  await expect(page.getByText(`Поликлиники региона «${target}»`)).toBeVisible();
});

test.describe('journey 4 without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an error, «Изменить» and the move as plain form posts', async ({ page }) => {
    test.setTimeout(90_000);
    const day = await testDay();
    await signInAsSynthetic(page, (await newPerson()).seed, '/lk/pereezd');
    await start(page);
    await next(page);
    await expectFieldError(page, 'subjectCode', 'Выберите регион из списка.');
    await page.getByLabel('Новый регион (субъект РФ)').selectOption({ label: TARGET });
    await next(page);
    await expect(heading(page, 'Выберите страховую компанию в новом регионе')).toBeVisible();
    await page.getByRole('radio').first().check();
    await next(page);
    await expect(heading(page, 'Проверьте ответы')).toBeVisible();
    await change(page, 'Новый регион');
    await expect(page.getByLabel('Новый регион (субъект РФ)')).toHaveValue('50');
    await next(page);
    await expect(heading(page, 'Проверьте ответы')).toBeVisible();
    await expect(answer(page, 'Новый регион')).toHaveText(TARGET);
    await send(page);
    await confirmation(page, 'Регион страхования изменён');
    await expect(page.getByTestId('effective-date')).toHaveText(day.ru);
  });
});
