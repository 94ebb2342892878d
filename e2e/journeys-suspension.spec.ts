import { expect, test, type Page } from '@playwright/test';
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
} from './support/journeys';

/**
 * Journey 5 by 'suspended-military-service' (seeded: suspended for military service since 01.10.2025; other
 * specs read that state). The policy is renewed and suspended again, both from the day the current period
 * began (read from the start page), so the person ends exactly as seeded: suspended since 01.10.2025 for
 * military service. A run that stopped half-way left the policy active since that day: it is suspended
 * first. The policy is active only for the seconds between the two; the suspension's pages are checked
 * with axe by a second test, for 'changed-insurer-this-year', which fills them in but sends nothing.
 */

const tomorrow = (): string =>
  new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow' }).format(new Date(Date.now() + 86_400_000));

/** «Полис приостановлен с ДД.ММ.ГГГГ…» / «Полис действует с ДД.ММ.ГГГГ…» → the date. */
async function since(page: Page): Promise<string> {
  const text = (await page.getByTestId('policy-status').textContent()) ?? '';
  const date = /с (\d{2}\.\d{2}\.\d{4})/.exec(text)?.[1];
  expect(date, text).toBeDefined();
  return date!;
}

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

test('journey 5: the policy suspended for service is renewed, then suspended again', async ({ page }) => {
  test.setTimeout(120_000);
  await signInAsCitizen(page, 'suspended-military-service', '/lk/vozobnovit');
  if (await page.getByRole('heading', { name: 'Возобновлять нечего' }).isVisible()) {
    await suspend(page, await since(page)); // an earlier run stopped after the renewal
    await page.goto('/lk/vozobnovit');
  }

  // Renew: start page, question, errors (what was typed stays), check, «Изменить», confirmation.
  await expect(heading(page, 'Возобновить полис ОМС после службы')).toBeVisible();
  await expect(page.getByTestId('policy-status')).toContainText('приостановлен');
  const from = await since(page);
  await accessible(page);
  await start(page);
  await expect(heading(page, 'Когда закончилась служба?')).toBeVisible();
  await accessible(page);
  await next(page);
  await expectFieldError(page, 'serviceEndDate', 'Укажите дату окончания службы.');
  await accessible(page);
  await page.getByLabel('Дата окончания службы').fill(tomorrow());
  await next(page);
  await expectFieldError(page, 'serviceEndDate', 'Дата не может быть позже сегодняшней.');
  await expect(page.getByLabel('Дата окончания службы')).toHaveValue(tomorrow());
  await page.getByLabel('Дата окончания службы').fill(from);
  await next(page);
  await expect(heading(page, 'Проверьте ответы')).toBeVisible();
  await expect(answer(page, 'Дата окончания службы')).toHaveText(from);
  await accessible(page);
  await change(page, 'Дата окончания службы');
  await expect(page.getByLabel('Дата окончания службы')).toHaveValue(from);
  await next(page);
  await send(page);
  await confirmation(page, 'Полис возобновлён');
  await expect(page.getByTestId('effective-date')).toHaveText(from);

  // Suspend again at once, from the same day: as seeded. (Its pages are checked with axe below.)
  await suspend(page, from);
  await accessible(page);

  // The pages checked while the policy was briefly active, now read-only, and the state as it began.
  await page.goto('/lk/priostanovit');
  await expect(page.getByRole('heading', { name: 'Приостановить полис сейчас нельзя' })).toBeVisible();
  await expect(page.getByTestId('policy-status')).toContainText(`Полис приостановлен с ${from}`);
  await page.goto('/lk/vozobnovit');
  await start(page);
  await expect(heading(page, 'Когда закончилась служба?')).toBeVisible();
  await page.getByLabel('Дата окончания службы').fill(from);
  await next(page);
  await expect(heading(page, 'Проверьте ответы')).toBeVisible();
  await accessible(page); // (not sent)
});

test('journey 5: the suspension’s pages, their errors and «Изменить» (filled in, not sent)', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signInAsCitizen(page, 'changed-insurer-this-year', '/lk/priostanovit');
  await suspensionQuestions(page, '01.06.2026', true);
  await change(page, 'Основание');
  await expect(page.getByRole('radio', { name: 'Прохождение военной службы' })).toBeChecked();
  await next(page);
  await expect(heading(page, 'Проверьте ответы')).toBeVisible();
  await expect(answer(page, 'Дата начала службы')).toHaveText('01.06.2026');
});
