import { expect, test, type Page } from '@playwright/test';
import { signInAsCitizen, signInAsSynthetic } from './support/citizen';
import { testDay, type TestDay } from './support/clock';
import { ru } from './support/demo';
import {
  accessible,
  answer,
  change,
  childName,
  confirmation,
  expectFieldError,
  formFields,
  heading,
  newChild,
  next,
  postAgain,
  registerChild,
  send,
  start,
} from './support/journeys';
import { changedInsurerOn, newPerson, type OwnPerson } from './support/people';

/**
 * Journey 3, «Смена страховой медицинской организации», with its pre-check, on people of the tests' own.
 *
 * The register's rule depends on the date (once a year, filed by 1 November; more often after a move or
 * when the insurer leaves the region), so each test makes the state it needs: the Moscow branch 77004
 * stops serving the region at the end of the year, so a person or child insured there may change whatever
 * the date; a person whose yearly change is already recorded this year is refused for that one reason.
 * 'moved-region-this-year' (demo, read-only) may change after the move.
 */

const LEAVING_INSURER = '77004';

/** A person whose yearly change is recorded this year, on the test's day or, after it, on 1 November. */
async function changedThisYear(day: TestDay): Promise<{ person: OwnPerson; on: string }> {
  const person = await newPerson();
  const deadline = `${day.year}-11-01`;
  const on = day.iso <= deadline ? day.iso : deadline;
  await changedInsurerOn(person, on);
  return { person, on };
}

async function chooseChild(page: Page, name: string, birthDate: string): Promise<void> {
  await expect(heading(page, 'За кого вы подаёте заявление?')).toBeVisible();
  await page.getByRole('radio', { name: `${name}, ${birthDate}` }).check();
  await next(page);
}

test.describe('journey 3: change of insurer', () => {
  test('a parent changes the insurer of a child whose insurer leaves the region', async ({ page }) => {
    test.setTimeout(120_000);
    const day = await testDay();
    const child = newChild();
    const parent = await newPerson();
    await signInAsSynthetic(page, parent.seed, '/lk');
    await registerChild(page, child, LEAVING_INSURER);

    await page.goto('/lk/smena-smo');
    await expect(heading(page, 'Смена страховой медицинской организации')).toBeVisible();
    await accessible(page);
    await start(page);
    await accessible(page);
    await next(page);
    await expectFieldError(page, 'person', 'Выберите, за кого подаёте заявление.');
    await chooseChild(page, childName(child), child.birthDate);

    // The pre-check: allowed, and why.
    await expect(heading(page, 'Сменить страховую компанию можно')).toBeVisible();
    await expect(page.getByTestId('precheck')).toContainText('прекращает работу в регионе');
    await accessible(page);
    await next(page);

    await expect(heading(page, 'Выберите новую страховую компанию')).toBeVisible();
    await expect(page.locator(`input[name="insurerCode"][value="${LEAVING_INSURER}"]`)).toHaveCount(0);
    await accessible(page);
    await next(page);
    await expectFieldError(page, 'insurerCode', 'Выберите страховую компанию из списка.');
    await accessible(page);
    const first = page.getByRole('radio').first();
    const insurerName = (await page.locator(`label[for="${await first.getAttribute('id')}"]`).textContent())!;
    await first.check();
    await next(page);

    await expect(heading(page, 'Проверьте ответы')).toBeVisible();
    await expect(answer(page, 'За кого')).toContainText(childName(child));
    await expect(answer(page, 'Новая страховая компания')).toHaveText(insurerName);
    await accessible(page);
    await change(page, 'Новая страховая компания');
    await expect(page.getByRole('radio', { name: insurerName })).toBeChecked();
    await next(page);
    await expect(heading(page, 'Проверьте ответы')).toBeVisible();

    await send(page);
    await confirmation(page, 'Страховая компания сменена');
    await expect(page.getByTestId('effective-date')).toHaveText(day.ru);
    await expect(page.getByTestId('confirmation').locator('..')).toContainText(insurerName);
    await accessible(page);
  });

  test('a person whose insurer leaves the region changes it at once, whatever the date', async ({ page }) => {
    const day = await testDay();
    const person = await newPerson({ insurerCode: LEAVING_INSURER });
    await signInAsSynthetic(page, person.seed, '/lk/smena-smo');
    await start(page);
    // No children: no «За кого» question.
    await expect(heading(page, 'Сменить страховую компанию можно')).toBeVisible();
    await expect(page.getByTestId('precheck')).toContainText('прекращает работу в регионе');
    await next(page);
    await page.getByRole('radio').first().check();
    await next(page);
    await send(page);
    await confirmation(page, 'Страховая компания сменена');
    await expect(page.getByTestId('effective-date')).toHaveText(day.ru);
  });

  test('the pre-check refuses a second yearly change: why, and from when', async ({ page }) => {
    const day = await testDay();
    const { person, on } = await changedThisYear(day);
    await signInAsSynthetic(page, person.seed, '/lk/smena-smo');
    await start(page);
    await expect(heading(page, 'Сменить страховую компанию сейчас нельзя')).toBeVisible();
    const precheck = page.getByTestId('precheck');
    await expect(precheck).toContainText(`В ${day.year} году вы уже меняли страховую компанию (${ru(on)})`);
    await expect(precheck).toContainText(`Сменить страховую компанию можно будет с 01.01.${day.year + 1}.`);
    await expect(page.getByRole('button', { name: 'Продолжить' })).toHaveCount(0);
    await accessible(page);
  });

  test("'moved-region-this-year' may change the insurer after the move", async ({ page }) => {
    await signInAsCitizen(page, 'moved-region-this-year', '/lk/smena-smo');
    await start(page);
    // The seeded history records the move (coverage.region_changed): it unlocks one change, even after 1 November.
    await expect(heading(page, 'Сменить страховую компанию можно')).toBeVisible();
    await expect(page.getByTestId('precheck')).toContainText('переехали');
  });
});

test.describe('journey 3 without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the pre-check, the choice, an error, «Изменить» and the change, as plain form posts; a double post is one application', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const child = newChild();
    const parent = await newPerson();
    await signInAsSynthetic(page, parent.seed, '/lk');
    await registerChild(page, child, LEAVING_INSURER);

    await page.goto('/lk/smena-smo');
    await start(page);
    await chooseChild(page, childName(child), child.birthDate);
    await expect(heading(page, 'Сменить страховую компанию можно')).toBeVisible();
    await next(page);
    await next(page);
    await expectFieldError(page, 'insurerCode', 'Выберите страховую компанию из списка.');
    await page.getByRole('radio').first().check();
    await next(page);
    await expect(heading(page, 'Проверьте ответы')).toBeVisible();
    await change(page, 'За кого');
    await expect(page.getByRole('radio', { name: `${childName(child)}, ${child.birthDate}` })).toBeChecked();
    await next(page);
    // Same child: the pre-check page was passed for them, so back to the check page.
    await expect(heading(page, 'Проверьте ответы')).toBeVisible();

    const posted = await formFields(page);
    await send(page);
    const number = await confirmation(page, 'Страховая компания сменена');

    const html = await postAgain(page, '/lk/smena-smo', posted);
    expect(html).toContain(number);
    expect(html).toContain('Страховая компания сменена');
    expect(html).toContain('Это заявление уже было отправлено раньше');
  });

  test('the refusal of a second yearly change without JavaScript', async ({ page }) => {
    const day = await testDay();
    const { person } = await changedThisYear(day);
    await signInAsSynthetic(page, person.seed, '/lk/smena-smo');
    await start(page);
    await expect(heading(page, 'Сменить страховую компанию сейчас нельзя')).toBeVisible();
    await expect(page.getByTestId('precheck')).toContainText(`с 01.01.${day.year + 1}`);
  });
});
