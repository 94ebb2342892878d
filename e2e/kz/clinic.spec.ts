import { expect, test, type Page } from '@playwright/test';
import { closeDb } from '../../db/client';
import { kzDemoPerson } from '../../db/seed/kz/demo-people';
import { OSMS_EXAMPLE_IIN } from '../../lib/api-docs/osms-examples';
import { formatDateRu } from '../../lib/domain/dates';
import { temporaryStatusLastDay } from '../../lib/domain/kz/status-periods';
import { OSMS_STATUS_EXTENSION } from '../../lib/fhir/kz/systems';
import { IIN_SYSTEM } from '../../lib/kz/fhir-systems';
import { osmsParameters } from '../../lib/kz/parameters';
import { kzToday } from '../../lib/kz/today';
import { TEST_PDF } from '../../testing/kz/register';
import { expectAccessible } from '../support/axe';
import { newStaff, signInAsOwnStaff, type OwnStaff } from '../support/staff';
import { newKzPerson } from './people';

/**
 * The registrar's workspace in a Kazakh register (ADR 0033), through the real staff sign-in: the lookup by
 * ИИН and the temporary-status upload, with JavaScript and without (plain form posts). Lookups read the
 * demo people; the upload changes a person of its own.
 */
test.afterAll(async () => {
  await closeDb();
});

const result = (page: Page) => page.getByTestId('lookup-result');

/** A registrar of a Kazakh demo clinic (db/reference/kz/regions-and-clinics.ts), of this test's own. */
const registrar = (): Promise<OwnStaff> => newStaff('clinic_registrar', { moCode: '750001' });

async function lookUp(page: Page, iin: string): Promise<void> {
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'По ИИН' }) });
  await form.getByLabel('ИИН').fill(iin);
  await form.getByRole('button', { name: 'Проверить статус' }).click();
}

for (const javaScriptEnabled of [false, true]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('a lookup by ИИН: insured, on what ground and who; a state-paid category is named', async ({
      page,
    }) => {
      const person = kzDemoPerson('pensioner');
      await signInAsOwnStaff(page, await registrar(), '/clinic');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Проверка статуса в системе ОСМС');
      await lookUp(page, person.iin);
      await expect(result(page).getByRole('heading', { level: 2 })).toHaveText('Застрахован в системе ОСМС');
      await expect(result(page)).toContainText(`${person.lastName} ${person.firstName}`);
      await expect(result(page)).toContainText(formatDateRu(person.birthDate));
      await expect(page.getByTestId('lookup-ground')).toContainText('льготная категория');
      if (javaScriptEnabled) await expectAccessible(page);
    });

    test('a lump sum is no advance: not insured, why and what to do', async ({ page }) => {
      await signInAsOwnStaff(page, await registrar(), '/clinic');
      await lookUp(page, kzDemoPerson('lump-sum').iin);
      await expect(result(page).getByRole('heading', { level: 2 })).toHaveText(
        'Не застрахован в системе ОСМС на эту дату',
      );
      await expect(page.getByTestId('lookup-ground')).toContainText('одним платежом');
      await expect(result(page)).toContainText('отдельным платежом');
    });

    test('a wrong ИИН is refused with the field named, and what was typed is kept', async ({ page }) => {
      await signInAsOwnStaff(page, await registrar(), '/clinic');
      const iin = kzDemoPerson('employee').iin;
      const wrong = `${iin.slice(0, 11)}${(Number(iin[11]) + 1) % 10}`;
      await lookUp(page, wrong);
      const summary = page.locator('.error-summary');
      await expect(summary).toContainText('ИИН указан с ошибкой: не сходится контрольная цифра.');
      await expect(page.getByLabel('ИИН', { exact: true })).toHaveValue(wrong);
      await expect(result(page)).toHaveCount(0);
    });

    test('the upload: offered from a "not insured" answer, every wrong field named, then one month of status', async ({
      page,
    }) => {
      const person = await newKzPerson();
      await signInAsOwnStaff(page, await registrar(), '/clinic');
      await lookUp(page, person.iin);
      await expect(result(page).getByRole('heading', { level: 2 })).toHaveText(
        'Не застрахован в системе ОСМС на эту дату',
      );
      await result(page).getByRole('link', { name: 'загрузите документ' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        'Временный статус по документу о льготной категории',
      );
      await expect(page.getByLabel('ИИН пациента')).toHaveValue(person.iin);
      // axe runs in the page: only where the page runs scripts.
      if (javaScriptEnabled) await expectAccessible(page);

      const submit = page.getByRole('button', { name: 'Загрузить и оформить временный статус' });
      await submit.click();
      const summary = page.locator('.error-summary');
      await expect(summary).toContainText('Выберите льготную категорию.');
      await expect(summary).toContainText('Приложите документ, подтверждающий категорию.');
      await expect(page.getByLabel('ИИН пациента')).toHaveValue(person.iin);

      // A web page renamed to .pdf: the bytes say what it is.
      await page.getByLabel('Льготная категория').selectOption('DISABILITY');
      const file = page.getByLabel('Скан или фотография документа');
      await file.setInputFiles({
        name: 'spravka.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('<html><body>%PDF-1.4</body></html>'),
      });
      await submit.click();
      await expect(page.locator('#upload-document-error')).toContainText('PDF, JPEG или PNG');
      await expect(page.getByLabel('Льготная категория')).toHaveValue('DISABILITY');

      await file.setInputFiles({ name: 'spravka.pdf', mimeType: 'application/pdf', buffer: TEST_PDF });
      await submit.click();
      const done = page.getByTestId('upload-result');
      await expect(done.getByRole('heading', { level: 2 })).toHaveText('Временный статус оформлен');
      const lastDay = formatDateRu(temporaryStatusLastDay(osmsParameters(), kzToday()));
      await expect(done).toContainText(`действует по ${lastDay} включительно`);

      await done.getByRole('link', { name: 'Вернуться к проверке статуса' }).click();
      await lookUp(page, person.iin);
      await expect(result(page).getByRole('heading', { level: 2 })).toHaveText('Застрахован в системе ОСМС');
      await expect(page.getByTestId('lookup-until')).toHaveText(`по ${lastDay} включительно`);
    });
  });
}

test('another staff role cannot use the workspace or the upload', async ({ page }) => {
  await signInAsOwnStaff(page, await newStaff('ffoms_admin'), '/clinic/vremennyi-status');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Нет доступа');
  await expect(page.getByRole('button', { name: /Загрузить/ })).toHaveCount(0);
});

test('the API documentation for МИС vendors speaks of the ИИН, the ОСМС codes and this register only', async ({
  page,
}) => {
  await page.goto('/dlya-mo/api');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'API для медицинских информационных систем',
  );
  const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
  for (const needle of [
    'GET /api/v1/lookup',
    IIN_SYSTEM,
    OSMS_STATUS_EXTENSION,
    'IIN_INVALID_CHECKSUM',
    'OsmsAnswer',
    OSMS_EXAMPLE_IIN,
  ])
    expect(text, needle).toContain(needle);
  expect(text).not.toContain('fhir.ru/ig/core/systems');
  await expect(page.getByTestId('osms-status-codes')).toContainText('LUMP_SUM_NOT_ADVANCE');
  await expectAccessible(page);
});
