import { expect, test } from '@playwright/test';
import { signInAsCitizen } from './support/citizen';
import {
  accessible,
  answer,
  change,
  childName,
  confirmation,
  expectFieldError,
  heading,
  newChild,
  PARENT,
  next,
  registerChild,
  send,
  start,
  todayMoscow,
} from './support/journeys';

/**
 * Journey 6, «Прикрепиться к поликлинике», by PARENT ('insurer-leaving-region') for a child they register
 * first (journey 2): a new child has no clinic yet, so the first attachment is always allowed and every
 * run has its own child. The demo child Анна ('active-moscow-parent') is only looked at, never moved here.
 */

test('journey 6: a parent attaches their new child to a children’s clinic of the region', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const child = newChild();
  await signInAsCitizen(page, PARENT, '/lk');
  await registerChild(page, child);

  await page.goto('/lk/poliklinika');
  await expect(heading(page, 'Прикрепиться к поликлинике')).toBeVisible();
  await accessible(page);
  await start(page);
  await expect(heading(page, 'Кого прикрепить к поликлинике?')).toBeVisible();
  await accessible(page);
  await page.getByRole('radio', { name: `${childName(child)}, ${child.birthDate}` }).check();
  await next(page);

  await expect(heading(page, 'Выберите поликлинику')).toBeVisible();
  await expect(page.getByText('Поликлиники региона «город Москва»')).toBeVisible();
  await accessible(page);
  await next(page);
  await expectFieldError(page, 'moCode', 'Выберите поликлинику из списка.');
  await accessible(page);
  await page.getByRole('radio', { name: 'ГБУЗ «ДГП № 1»' }).check();
  await next(page);

  await expect(heading(page, 'Проверьте ответы')).toBeVisible();
  await expect(answer(page, 'Кого прикрепить')).toContainText(childName(child));
  await expect(answer(page, 'Поликлиника')).toContainText('ГБУЗ «ДГП № 1»');
  await accessible(page);
  await change(page, 'Поликлиника');
  await expect(page.getByRole('radio', { name: 'ГБУЗ «ДГП № 1»' })).toBeChecked();
  await next(page);
  await send(page);

  await confirmation(page, 'Прикрепление оформлено');
  await expect(page.getByTestId('effective-date')).toHaveText(todayMoscow());
  await expect(page.getByTestId('confirmation').locator('..')).toContainText('ГБУЗ «ДГП № 1»');
  await accessible(page);
});

test('journey 6: for a child already attached, the clinic page names the current clinic or says why not', async ({
  page,
}) => {
  // Анна, the demo child (attached since 2019). This test submits nothing; the portal-applications spec may
  // move her to the other children's clinic once per database, after which a change this year is refused.
  await signInAsCitizen(page, 'active-moscow-parent', '/lk/poliklinika');
  await start(page);
  await page.getByRole('radio', { name: 'Иванова Анна Сергеевна, 03.08.2019' }).check();
  await next(page);
  await expect(heading(page, /^(Выберите поликлинику|Сменить поликлинику сейчас нельзя)$/)).toBeVisible();
  if (await heading(page, 'Выберите поликлинику').isVisible()) {
    const hint = (await page.locator('[id="moCode-hint"]').textContent()) ?? '';
    const current = /Сейчас: (ГБУЗ «[^»]+»)/.exec(hint)?.[1];
    expect(current).toMatch(/^ГБУЗ «ДГП № \d»$/);
    await expect(page.getByRole('radio', { name: current, exact: true })).toHaveCount(0);
  } else {
    await expect(page.getByTestId('precheck')).toContainText('Сменить поликлинику можно будет с');
    await expect(page.getByText(/^Сейчас: ГБУЗ «ДГП № \d»/)).toBeVisible();
  }
  await accessible(page);
});
