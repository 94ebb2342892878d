import { expect, test, type Page } from '@playwright/test';
import { signInAsCitizen, signInAsSynthetic } from './support/citizen';
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
 * Journey 5 by a person of the test's own (insured in Moscow since 15 January of last year, policy active):
 * the policy is suspended for military service from a day the test chooses, then renewed. The demo person
 * 'suspended-military-service' stays as seeded (other specs read it). The suspension's pages are checked
 * with axe by a second test, for 'changed-insurer-this-year', which fills them in but sends nothing.
 */

/** The suspension's questions up to «Проверьте ответы»; with `checks`, also its errors and axe. */
async function suspensionQuestions(page: Page, from: string, checks: boolean): Promise<void> {
  const axe = async () => (checks ? accessible(page) : undefined);
  await page.goto('/lk/priostanovit');
  await expect(heading(page, 'Приостановить полис ОМС на время службы')).toBeVisible();
  await axe();
  await start(page);
  await expect(heading(page, 'На какую службу вы поступили?')).toBeVisible();
  if (checks) {
    await axe();
    await next(page);
    await expectFieldError(page, 'reason', 'Выберите основание из списка.');
    await axe();
  }
  await page.getByRole('radio', { name: 'Прохождение военной службы' }).check();
  await next(page);
  await expect(heading(page, 'Когда началась служба?')).toBeVisible();
  if (checks) {
    await axe();
    await page.getByLabel('Дата начала службы').fill('31.02.2025');
    await next(page);
    await expectFieldError(page, 'serviceStartDate', 'Укажите дату в формате ДД.ММ.ГГГГ.');
    await expect(page.getByLabel('Дата начала службы')).toHaveValue('31.02.2025');
    await axe();
  }
  await page.getByLabel('Дата начала службы').fill(from);
  await next(page);
  await expect(heading(page, 'Проверьте ответы')).toBeVisible();
  await expect(answer(page, 'Основание')).toHaveText('Прохождение военной службы');
  await axe();
}

async function suspend(page: Page, from: string): Promise<void> {
  await suspensionQuestions(page, from, false);
  await send(page);
  await confirmation(page, 'Полис приостановлен');
  await expect(page.getByTestId('effective-date')).toHaveText(from);
}

test('journey 5: a policy is suspended for service, then renewed', async ({ page }) => {
  test.setTimeout(120_000);
  const day = await testDay();
  const person = await newPerson();
  const from = `01.02.${day.year - 1}`; // the service began after the policy did
  await signInAsSynthetic(page, person.seed, '/lk/vozobnovit');
  await expect(page.getByRole('heading', { name: 'Возобновлять нечего' })).toBeVisible();

  await suspend(page, from);
  await accessible(page);
  await page.goto('/lk/priostanovit');
  await expect(page.getByRole('heading', { name: 'Приостановить полис сейчас нельзя' })).toBeVisible();
  await expect(page.getByTestId('policy-status')).toContainText(`Полис приостановлен с ${from}`);

  // Renew: start page, question, errors (what was typed stays), check, «Изменить», confirmation.
  await page.goto('/lk/vozobnovit');
  await expect(heading(page, 'Возобновить полис ОМС после службы')).toBeVisible();
  await expect(page.getByTestId('policy-status')).toContainText(`приостановлен с ${from}`);
  await accessible(page);
  await start(page);
  await expect(heading(page, 'Когда закончилась служба?')).toBeVisible();
  await accessible(page);
  await next(page);
  await expectFieldError(page, 'serviceEndDate', 'Укажите дату окончания службы.');
  await accessible(page);
  await page.getByLabel('Дата окончания службы').fill(day.tomorrowRu);
  await next(page);
  await expectFieldError(page, 'serviceEndDate', 'Дата не может быть позже сегодняшней.');
  await expect(page.getByLabel('Дата окончания службы')).toHaveValue(day.tomorrowRu);
  const ended = `01.03.${day.year - 1}`;
  await page.getByLabel('Дата окончания службы').fill(ended);
  await next(page);
  await expect(heading(page, 'Проверьте ответы')).toBeVisible();
  await expect(answer(page, 'Дата окончания службы')).toHaveText(ended);
  await accessible(page);
  await change(page, 'Дата окончания службы');
  await expect(page.getByLabel('Дата окончания службы')).toHaveValue(ended);
  await next(page);
  await send(page);
  await confirmation(page, 'Полис возобновлён');
  await expect(page.getByTestId('effective-date')).toHaveText(ended);
  await accessible(page);

  // Active again: nothing to renew, and the policy page says so.
  await page.goto('/lk/vozobnovit');
  await expect(page.getByRole('heading', { name: 'Возобновлять нечего' })).toBeVisible();
  await page.goto('/lk/polis');
  await expect(page.getByTestId('policy-status')).toContainText('Полис действует');
});

test('journey 5: the suspension’s pages, their errors and «Изменить» (filled in, not sent)', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const day = await testDay();
  await signInAsCitizen(page, 'changed-insurer-this-year', '/lk/priostanovit');
  await suspensionQuestions(page, day.ru, true);
  await change(page, 'Основание');
  await expect(page.getByRole('radio', { name: 'Прохождение военной службы' })).toBeChecked();
  await next(page);
  await expect(heading(page, 'Проверьте ответы')).toBeVisible();
  await expect(answer(page, 'Дата начала службы')).toHaveText(day.ru);
});

test.describe('journey 5 without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('suspension and renewal as plain form posts, with an error on the way', async ({ page }) => {
    test.setTimeout(90_000);
    const day = await testDay();
    const person = await newPerson();
    await signInAsSynthetic(page, person.seed, '/lk/priostanovit');
    await start(page);
    await next(page);
    await expectFieldError(page, 'reason', 'Выберите основание из списка.');
    await page.getByRole('radio', { name: 'Прохождение военной службы' }).check();
    await next(page);
    await page.getByLabel('Дата начала службы').fill(`01.02.${day.year - 1}`);
    await next(page);
    await expect(heading(page, 'Проверьте ответы')).toBeVisible();
    await send(page);
    await confirmation(page, 'Полис приостановлен');

    await page.goto('/lk/vozobnovit');
    await start(page);
    await page.getByLabel('Дата окончания службы').fill(day.tomorrowRu);
    await next(page);
    await expectFieldError(page, 'serviceEndDate', 'Дата не может быть позже сегодняшней.');
    await page.getByLabel('Дата окончания службы').fill(day.ru);
    await next(page);
    await expect(answer(page, 'Дата окончания службы')).toHaveText(day.ru);
    await send(page);
    await confirmation(page, 'Полис возобновлён');
    await expect(page.getByTestId('effective-date')).toHaveText(day.ru);
  });
});
