import { expect, test } from '@playwright/test';
import { closeDb } from '../../db/client';
import { formatDateRu } from '../../lib/domain/dates';
import { temporaryStatusLastDay } from '../../lib/domain/kz/status-periods';
import { osmsParameters } from '../../lib/kz/parameters';
import { kzToday } from '../../lib/kz/today';
import { TEST_PDF } from '../../testing/kz/register';
import { expectAccessible } from '../support/axe';
import { signInAsSyntheticKz } from '../support/citizen';
import { newKzPerson } from './people';

/**
 * The person's upload of a category document in the cabinet (issue 14): a multipart form that works
 * without JavaScript; the file is judged by its bytes and size; the month's status and the notification.
 */
test.afterAll(async () => {
  await closeDb();
});

const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);

for (const javaScriptEnabled of [false, true]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('a wrong form is named field by field; a real document gives the status for one month', async ({
      page,
    }) => {
      const person = await newKzPerson();
      await signInAsSyntheticKz(page, person.seed, '/kabinet/vremennyi-status');
      await expect(
        page.getByRole('heading', { level: 1, name: 'Загрузить документ о льготной категории' }),
      ).toBeVisible();
      // axe runs in the page: only where JavaScript runs.
      if (javaScriptEnabled) await expectAccessible(page);

      await page.getByRole('button', { name: 'Загрузить документ' }).click();
      const summary = page.locator('.error-summary');
      await expect(summary).toContainText('Выберите льготную категорию.');
      await expect(summary).toContainText('Приложите документ, подтверждающий категорию.');
      if (javaScriptEnabled) await expectAccessible(page);

      // A web page renamed to .pdf: the bytes say what it is.
      await page.getByLabel('Льготная категория').selectOption({ label: 'Лица с инвалидностью' });
      await page.getByLabel('Документ, подтверждающий категорию').setInputFiles({
        name: 'spravka.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('<html><body>%PDF-1.4</body></html>'),
      });
      await page.getByRole('button', { name: 'Загрузить документ' }).click();
      await expect(page.locator('#document-error')).toContainText('PDF, JPEG или PNG');
      await expect(page.getByLabel('Льготная категория')).toHaveValue('DISABILITY');

      const document = javaScriptEnabled
        ? { name: 'foto.png', mimeType: 'image/png', buffer: PNG }
        : { name: 'spravka.pdf', mimeType: 'application/pdf', buffer: TEST_PDF };
      await page.getByLabel('Документ, подтверждающий категорию').setInputFiles(document);
      await page.getByRole('button', { name: 'Загрузить документ' }).click();
      const lastDay = formatDateRu(temporaryStatusLastDay(osmsParameters(), kzToday()));
      const done = page.getByTestId('upload-done');
      await expect(done).toContainText(`по ${lastDay} включительно`);
      await expect(done).toContainText(document.name);
      if (javaScriptEnabled) await expectAccessible(page);

      await page.getByRole('link', { name: 'Вернуться к статусу' }).click();
      await expect(page.getByTestId('osms-status')).toContainText('Застрахован');
      await expect(page.getByTestId('osms-status-text')).toContainText('Временный статус');
      await expect(page.getByTestId('temporary-statuses')).toContainText(`по ${lastDay}`);
      await expect(page.getByTestId('notifications')).toContainText('Временный статус на один месяц');

      // While it holds, a second upload for the same category is refused in words.
      await page.goto('/kabinet/vremennyi-status');
      await page.getByLabel('Льготная категория').selectOption('DISABILITY');
      await page.getByLabel('Документ, подтверждающий категорию').setInputFiles(document);
      await page.getByRole('button', { name: 'Загрузить документ' }).click();
      await expect(page.locator('.error-summary')).toContainText('уже действует');
    });
  });
}

test.describe('a file too large, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('over 5 MB is named on the field; over what any form takes is the Russian 413 page', async ({
    page,
  }) => {
    const person = await newKzPerson();
    await signInAsSyntheticKz(page, person.seed, '/kabinet/vremennyi-status');
    const pdfOf = (bytes: number) => ({
      name: 'skan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([TEST_PDF, Buffer.alloc(bytes - TEST_PDF.length, 0x20)]),
    });
    // 12 MB: more than Next's proxy keeps by default (10 MB), less than a page takes.
    await page.getByLabel('Льготная категория').selectOption('DISABILITY');
    await page.getByLabel('Документ, подтверждающий категорию').setInputFiles(pdfOf(12 * 1024 * 1024));
    await page.getByRole('button', { name: 'Загрузить документ' }).click();
    await expect(page.locator('#document-error')).toContainText('Файл больше 5 МБ');
    await expect(page.getByLabel('Льготная категория')).toHaveValue('DISABILITY');

    await page.getByLabel('Документ, подтверждающий категорию').setInputFiles(pdfOf(22 * 1024 * 1024));
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Загрузить документ' }).click(),
    ]);
    expect(answer.status()).toBe(413);
    await expect(page.getByRole('heading', { level: 1, name: 'Слишком большой запрос' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'На главную страницу' })).toBeVisible();
  });
});

test('a torn form body gets the Russian «form unreadable» page, not a 5xx', async ({ page }) => {
  const person = await newKzPerson();
  await signInAsSyntheticKz(page, person.seed, '/kabinet/vremennyi-status');
  // A multipart body cut off before its closing boundary: the platform's parser (Next's) refuses it.
  const answer = await page.request.post('/kabinet/vremennyi-status', {
    headers: { 'content-type': 'multipart/form-data; boundary=torn' },
    data: Buffer.from('--torn\r\nContent-Disposition: form-data; name="category"\r\n\r\nDISABILITY'),
  });
  expect(answer.status()).toBe(400);
  expect(await answer.text()).toContain('Форму не удалось прочитать');
});
