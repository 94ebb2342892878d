import { expect, test } from '@playwright/test';
import { signInAsCitizen } from './support/citizen';
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
  todayMoscow,
} from './support/journeys';

/**
 * Journey 4, «Переезд в другой регион», by 'moved-region-this-year' (reserved to this spec), on a phone-sized
 * screen (375 px). Each run moves the person on: to Московская область when insured in Moscow, else back to
 * Moscow — so a rerun always has somewhere to move to.
 */

test.use({ viewport: { width: 375, height: 812 } });

test('journey 4: moving to another region keeps the ЕНП; works on a 375 px screen', async ({ page }) => {
  test.setTimeout(90_000);
  await signInAsCitizen(page, 'moved-region-this-year', '/lk/pereezd');
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
  const inMoscow = (await select.locator('option', { hasText: 'город Москва' }).count()) === 0;
  const target = inMoscow ? 'Московская область' : 'город Москва';
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
  await expect(select).toHaveValue(inMoscow ? '50' : '77');
  await next(page);
  await expect(heading(page, 'Проверьте ответы')).toBeVisible();

  await send(page);
  await confirmation(page, 'Регион страхования изменён');
  await expect(page.getByTestId('effective-date')).toHaveText(todayMoscow());
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
