import { expect, test } from '@playwright/test';
import { signInAsCitizen, signInAsSynthetic } from './support/citizen';
import {
  accessible,
  answer,
  change,
  childName,
  confirmation,
  expectFieldError,
  fillCertificate,
  fillChild,
  formFields,
  heading,
  newChild,
  next,
  postAgain,
  send,
  start,
} from './support/journeys';
import { newPerson } from './support/people';

/**
 * Journey 2, «Зарегистрировать ребёнка», by a parent of the test's own (insured in Moscow; registering a
 * child changes the parent's record: they become its representative). Every run registers a new child: the
 * certificate number, name and birth date come from the clock (newChild), so reruns and parallel tests
 * never meet an earlier child.
 */

test.describe('journey 2: register a child', () => {
  test('the parent registers a child; the child gets an ЕНП and appears in the cabinet', async ({ page }) => {
    test.setTimeout(90_000);
    const child = newChild();
    await signInAsSynthetic(page, (await newPerson()).seed, '/lk/rebenok');
    await expect(heading(page, 'Зарегистрировать ребёнка и оформить ему полис ОМС')).toBeVisible();
    await accessible(page);
    await start(page);

    // The child: nothing filled → every field is named; then a wrong date keeps what was typed.
    await expect(heading(page, 'Сведения о ребёнке')).toBeVisible();
    await accessible(page);
    await next(page);
    await expectFieldError(page, 'child.lastName', 'Укажите фамилию ребёнка.');
    await expectFieldError(page, 'child.firstName', 'Укажите имя ребёнка.');
    await expectFieldError(page, 'child.sex', 'Выберите пол ребёнка.');
    await expectFieldError(page, 'child.birthDate', 'Укажите дату рождения ребёнка.');
    await accessible(page);
    await fillChild(page, { ...child, birthDate: '31.02.2020' });
    await next(page);
    await expectFieldError(page, 'child.birthDate', 'Укажите дату в формате ДД.ММ.ГГГГ.');
    await expect(page.getByLabel('Фамилия')).toHaveValue(child.lastName);
    await expect(page.getByLabel('Имя')).toHaveValue(child.firstName);
    await expect(page.getByRole('radio', { name: 'Женский' })).toBeChecked();
    await expect(page.getByLabel('Дата рождения')).toHaveValue('31.02.2020');
    await page.getByLabel('Дата рождения').fill(child.birthDate);
    await next(page);

    // The certificate; «Назад» returns to the child's page with its answers.
    await expect(heading(page, 'Свидетельство о рождении')).toBeVisible();
    await accessible(page);
    await page.getByRole('button', { name: 'Назад' }).click();
    await expect(heading(page, 'Сведения о ребёнке')).toBeVisible();
    await expect(page.getByLabel('Фамилия')).toHaveValue(child.lastName);
    await next(page);
    await expect(heading(page, 'Свидетельство о рождении')).toBeVisible();
    await fillCertificate(page, child);
    await next(page);

    // The insurer: only those of the parent's region.
    await expect(heading(page, 'Выберите страховую компанию для ребёнка')).toBeVisible();
    await expect(page.getByText('город Москва')).toBeVisible();
    await accessible(page);
    await page.getByRole('radio').first().check();
    await next(page);

    await expect(heading(page, 'Проверьте ответы')).toBeVisible();
    await expect(answer(page, 'ФИО ребёнка')).toHaveText(childName(child));
    await expect(answer(page, 'Дата рождения')).toHaveText(child.birthDate);
    await expect(answer(page, 'Свидетельство о рождении')).toContainText(`${child.series} № ${child.number}`);
    await accessible(page);
    // «Изменить» → the child's page with every answer kept → back to the check page.
    await change(page, 'ФИО ребёнка');
    await expect(heading(page, 'Сведения о ребёнке')).toBeVisible();
    await expect(page.getByLabel('Отчество (если есть)')).toHaveValue(child.patronymic);
    await expect(page.getByLabel('Дата рождения')).toHaveValue(child.birthDate);
    await next(page);
    await expect(heading(page, 'Проверьте ответы')).toBeVisible();

    await send(page);
    await confirmation(page, 'Ребёнок зарегистрирован');
    await expect(page.getByTestId('enp')).toHaveText(/^77\d{2} \d{4} \d{4} \d{4}$/);
    await expect(page.getByText(`${childName(child)}: номер полиса (ЕНП)`)).toBeVisible();
    await accessible(page);

    // The child's own policy page in the parent's cabinet.
    await page.getByRole('link', { name: 'Полис ребёнка' }).click();
    await expect(page).toHaveURL(/\/lk\/polis\?chelovek=\d+$/);
    await expect(page.locator('main')).toContainText(child.firstName);
  });
});

test.describe('journey 2 without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the same journey works as plain form posts; sending twice gives one application', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const child = newChild();
    await signInAsSynthetic(page, (await newPerson()).seed, '/lk/rebenok');
    await start(page);
    await fillChild(page, child);
    await next(page);

    // A certificate error: the summary links to the field, what was typed stays.
    await fillCertificate(page, { ...child, series: 'ABC' });
    await next(page);
    await expect(heading(page, 'Свидетельство о рождении')).toBeVisible();
    const seriesError = page.locator('[id="certificate.series-error"]');
    await expect(seriesError).toBeVisible();
    const message = (await seriesError.textContent())!.replace('Ошибка: ', '').trim();
    await expectFieldError(page, 'certificate.series', message);
    await expect(page.getByLabel('Номер')).toHaveValue(child.number);
    await expect(page.getByLabel('Кем выдано (орган ЗАГС)')).toHaveValue(child.zags);
    await page.getByLabel('Серия').fill(child.series);
    await next(page);

    await page.getByRole('radio').first().check();
    await next(page);
    await expect(heading(page, 'Проверьте ответы')).toBeVisible();
    // «Назад»-free detour: change the insurer and come back.
    await change(page, 'Страховая компания');
    await expect(page.getByRole('radio').first()).toBeChecked();
    await next(page);
    await expect(heading(page, 'Проверьте ответы')).toBeVisible();

    const posted = await formFields(page);
    await send(page);
    const number = await confirmation(page, 'Ребёнок зарегистрирован');
    const enp = (await page.getByTestId('enp').textContent())!;

    // The same form posted again: the first application, no second child.
    const html = await postAgain(page, '/lk/rebenok', posted);
    expect(html).toContain(number);
    expect(html).toContain(enp);
    expect(html).toContain('Это заявление уже было отправлено раньше');
  });

  test('an unverified account is told why it cannot register a child', async ({ page }) => {
    await signInAsCitizen(page, 'foreign-resident', '/lk/rebenok');
    await expect(page.getByRole('region', { name: 'Почему нельзя подать заявление' })).toContainText(
      'только с подтверждённой учётной записью',
    );
    await expect(page.getByRole('button', { name: 'Начать' })).toHaveCount(0);
  });
});
