import { expect, test, type Page } from '@playwright/test';
import { signInAsSynthetic } from './support/citizen';
import { testDay } from './support/clock';
import {
  accessible,
  answer,
  change,
  childName,
  confirmation,
  expectFieldError,
  heading,
  newChild,
  next,
  registerChild,
  send,
  start,
} from './support/journeys';
import { newPerson } from './support/people';

/**
 * Journey 6, «Прикрепиться к поликлинике», by people of the tests' own: a parent attaches the child they
 * register first (journey 2; a new child has no clinic yet, so the first attachment is always allowed), and
 * an adult attached to «ГП № 1» since last year moves once, after which a second change this year is refused.
 */

test('journey 6: a parent attaches their new child to a children’s clinic of the region', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const day = await testDay();
  const child = newChild();
  const parent = await newPerson();
  await signInAsSynthetic(page, parent.seed, '/lk');
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
  await expect(page.getByTestId('effective-date')).toHaveText(day.ru);
  await expect(page.getByTestId('confirmation').locator('..')).toContainText('ГБУЗ «ДГП № 1»');
  await accessible(page);
});

/** A person of the test's own attached to «ГП № 1», at journey 6's clinic question (no «Кого прикрепить»). */
async function ownAdultAtClinicQuestion(page: Page): Promise<void> {
  const person = await newPerson({ moCode: '770001' });
  await signInAsSynthetic(page, person.seed, '/lk/poliklinika');
  await start(page);
  await expect(heading(page, 'Выберите поликлинику')).toBeVisible();
}

test('journey 6: an adult changes their clinic once a year; the second change is refused with the date it becomes possible', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const day = await testDay();
  await ownAdultAtClinicQuestion(page);
  await expect(page.locator('[id="moCode-hint"]')).toContainText('Сейчас: ГБУЗ «ГП № 1»');
  await expect(page.getByRole('radio', { name: 'ГБУЗ «ГП № 1»', exact: true })).toHaveCount(0);
  await page.getByRole('radio', { name: 'ГБУЗ «ГП № 2»', exact: true }).check();
  await next(page);
  await send(page);
  await confirmation(page, 'Прикрепление оформлено');
  await expect(page.getByTestId('effective-date')).toHaveText(day.ru);

  await page.goto('/lk/poliklinika');
  await start(page);
  await expect(heading(page, 'Сменить поликлинику сейчас нельзя')).toBeVisible();
  await expect(page.getByTestId('precheck')).toContainText(
    `В ${day.year} году вы уже меняли поликлинику (${day.ru})`,
  );
  await expect(page.getByTestId('precheck')).toContainText(
    `Следующая смена возможна с 01.01.${day.year + 1}`,
  );
  await expect(page.getByText('Сейчас: ГБУЗ «ГП № 2»')).toBeVisible();
  await accessible(page);
});

test.describe('journey 6 without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an error, «Изменить» and the change of clinic as plain form posts', async ({ page }) => {
    test.setTimeout(90_000);
    const day = await testDay();
    await ownAdultAtClinicQuestion(page);
    await next(page);
    await expectFieldError(page, 'moCode', 'Выберите поликлинику из списка.');
    await page.getByRole('radio', { name: 'ГБУЗ «ГП № 3»', exact: true }).check();
    await next(page);
    await expect(heading(page, 'Проверьте ответы')).toBeVisible();
    await change(page, 'Поликлиника');
    await expect(page.getByRole('radio', { name: 'ГБУЗ «ГП № 3»', exact: true })).toBeChecked();
    await next(page);
    await expect(answer(page, 'Поликлиника')).toContainText('ГБУЗ «ГП № 3»');
    await send(page);
    await confirmation(page, 'Прикрепление оформлено');
    await expect(page.getByTestId('effective-date')).toHaveText(day.ru);
  });
});
