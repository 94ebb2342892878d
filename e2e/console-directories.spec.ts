import { randomInt } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { ogrnFrom } from '../db/reference/legal-ids';
import { checkHealth } from '../lib/health/check-health';
import { expectAccessible } from './support/axe';
import { connectTestDatabase } from './support/people';
import { newStaff, signInAsOwnStaff } from './support/staff';

const file = (name: string, text: string, mimeType = 'text/csv') => ({
  name,
  mimeType,
  buffer: Buffer.from(text, 'utf8'),
});

test.describe('console: directories, the production calendar and background jobs', () => {
  test('an administrator checks an F003 file (errors named per record, nothing loaded), then loads a good one', async ({
    page,
  }) => {
    const admin = await newStaff('ffoms_admin');
    await signInAsOwnStaff(page, admin, '/konsol/spravochniki/zagruzka');
    await expectAccessible(page);

    // Nothing chosen: each field is named.
    await page.getByRole('button', { name: 'Проверить, ничего не меняя' }).click();
    const summary = page.getByRole('alert', { name: 'Есть ошибки' });
    await expect(summary).toContainText('Выберите справочник.');
    await expect(summary).toContainText('Выберите формат файла.');
    await expect(summary).toContainText('Выберите файл справочника.');

    const code = `77${randomInt(5000, 10000)}`;
    const header = 'tf_okato;mcod;nam_mop;nam_mok;ogrn;addr_f;phone;pmsp;d_begin;d_end';
    const good = `45000;${code};ГБУЗ «Поликлиника ${code}»;Поликлиника ${code};${ogrnFrom(`1037${code}00`.slice(0, 12))};г. Москва, ул. Проверочная, д. 2;+7 495 100-00-00;1;01.02.2024;`;
    await page.getByLabel('Медицинские организации (F003)').check();
    await page.getByLabel('CSV (разделитель — точка с запятой или запятая, кодировка UTF-8)').check();
    await page.getByLabel('Файл', { exact: true }).setInputFiles(
      file(
        'f003.csv',
        // Record 2 is wrong in three fields; record 3 repeats record 1's code.
        [
          header,
          good,
          `45000;77${randomInt(1000, 5000)};Другая;Другая;1037700000000;г. Москва;;2;32.01.2024;`,
          good,
        ].join('\n'),
      ),
    );
    await page.getByRole('button', { name: 'Проверить, ничего не меняя' }).click();
    await expect(page.getByRole('heading', { name: 'Файл не загружен: ошибки в записях' })).toBeVisible();
    const errors = page.getByRole('table', { name: /Ошибки/ });
    await expect(errors).toContainText('ОГРН — 13 цифр с верным контрольным разрядом.');
    await expect(errors).toContainText('Признак первичной помощи — 1 или 0.');
    await expect(errors).toContainText('Дата в виде ДД.ММ.ГГГГ или ГГГГ-ММ-ДД.');
    await expect(errors).toContainText(`Код ${code} уже есть в записи 1.`);
    await expectAccessible(page);

    await page.getByLabel('Файл', { exact: true }).setInputFiles(file('f003.csv', [header, good].join('\n')));
    await page.getByRole('button', { name: 'Проверить, ничего не меняя' }).click();
    await expect(
      page.getByRole('heading', { name: 'Проверка пройдена: справочник пока не изменён' }),
    ).toBeVisible();
    await expect(page.getByText('Будет добавлено: 1')).toBeVisible();
    await page.goto('/konsol/spravochniki?region=77');
    await expect(page.getByRole('table', { name: 'Медицинские организации региона' })).not.toContainText(
      code,
    );

    await page.goto('/konsol/spravochniki/zagruzka');
    await page.getByLabel('Медицинские организации (F003)').check();
    await page.getByLabel('CSV (разделитель — точка с запятой или запятая, кодировка UTF-8)').check();
    await page.getByLabel('Файл', { exact: true }).setInputFiles(file('f003.csv', [header, good].join('\n')));
    await page.getByRole('button', { name: 'Загрузить' }).click();
    await expect(page.getByRole('heading', { name: 'Справочник загружен' })).toBeVisible();
    await expect(page.getByText('Добавлено: 1')).toBeVisible();
    await page.goto('/konsol/spravochniki?region=77');
    await expect(page.getByRole('table', { name: 'Медицинские организации региона' })).toContainText(
      `Поликлиника ${code}`,
    );
    await expectAccessible(page);
  });

  test('an administrator loads subjects of the RF from an F010 file; the new subject is offered as a region', async ({
    page,
  }) => {
    const admin = await newStaff('ffoms_admin');
    await signInAsOwnStaff(page, admin, '/konsol/spravochniki/zagruzka');
    // Code 97 is free in the reference list; the name differs on every run, so the file always changes it.
    const name = `Синтетический субъект ${randomInt(100000, 1000000)}`;
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<packet><zglv><type>F010</type></zglv><zap><kod_tf>97</kod_tf><kod_okato>97100</kod_okato><subname>${name}</subname></zap></packet>`;
    await page.getByLabel('Субъекты Российской Федерации (F010)').check();
    await page.getByLabel('XML (как файлы ФФОМС)').check();
    await page.getByLabel('Файл', { exact: true }).setInputFiles(file('f010.xml', xml, 'application/xml'));
    await page.getByRole('button', { name: 'Загрузить' }).click();
    await expect(page.getByRole('heading', { name: 'Справочник загружен' })).toBeVisible();
    await expectAccessible(page);
    await page.goto('/konsol/spravochniki');
    await expect(page.getByLabel('Субъект РФ').locator('option', { hasText: name })).toHaveCount(1);
  });

  test('an administrator loads a production calendar year; a weekday marked as a working weekend is refused', async ({
    page,
  }) => {
    const admin = await newStaff('ffoms_admin');
    await signInAsOwnStaff(page, admin, '/konsol/spravochniki/kalendar');
    const year = 2090 + randomInt(0, 10);
    await page.getByLabel('Год', { exact: true }).fill(String(year));
    await page
      .getByLabel('Основание')
      .fill(`Постановление о переносе выходных дней в ${year} году (проверка)`);
    // The first Monday of March that year: a weekday, which cannot be a working weekend day.
    const monday = [1, 2, 3, 4, 5, 6, 7]
      .map((d) => new Date(Date.UTC(year, 2, d)))
      .find((d) => d.getUTCDay() === 1)!;
    await page
      .getByLabel('Файл с особыми днями года')
      .setInputFiles(
        file(
          'days.csv',
          `date,kind\n01.01.${year},праздник\n${monday.toISOString().slice(0, 10)},weekend-workday\n`,
        ),
      );
    await page.getByRole('button', { name: 'Проверить, ничего не меняя' }).click();
    await expect(
      page.getByRole('heading', { name: 'Календарь не загружен: ошибки в строках' }),
    ).toBeVisible();
    await expect(page.getByRole('table', { name: /Ошибки/ })).toContainText(
      'Рабочим выходным может быть только суббота или воскресенье.',
    );
    await page
      .getByLabel('Файл с особыми днями года')
      .setInputFiles(file('days.csv', `date,kind\n01.01.${year},праздник\n07.01.${year},holiday\n`));
    await page
      .getByLabel('Постановление о переносах выходных вышло: сроки в этом году окончательные')
      .check();
    await page.getByRole('button', { name: 'Загрузить' }).click();
    await expect(page.getByRole('heading', { name: `Календарь на ${year} год загружен` })).toBeVisible();
    await expect(page.getByText('Особых дней в файле: 2.')).toBeVisible();
    await expectAccessible(page);
    await page.goto('/konsol/spravochniki');
    const years = page.getByRole('table', { name: 'Загруженные годы производственного календаря' });
    await expect(years.getByRole('row').filter({ hasText: String(year) })).toContainText('учтены');
  });

  test('the console start page tells an administrator what the register needs: the problems of the health check', async ({
    page,
  }) => {
    const admin = await newStaff('ffoms_admin');
    await signInAsOwnStaff(page, admin);
    connectTestDatabase();
    // The same problems /api/health reports now (the calendar of the next year from 1 October, silent feeds).
    const problems = (await checkHealth()).problems.map((p) => p.message);
    const attention = page
      .getByRole('status')
      .filter({ has: page.getByRole('heading', { name: 'Требует внимания' }) });
    await expect(attention.getByRole('listitem')).toHaveCount(problems.length);
    for (const message of problems) await expect(attention).toContainText(message);
    await expectAccessible(page);
  });

  test('the background jobs page shows each kind of job and the runs of the start-up jobs', async ({
    page,
  }) => {
    const admin = await newStaff('ffoms_admin');
    await signInAsOwnStaff(page, admin, '/konsol/zadaniya');
    const kinds = page.getByRole('table', { name: 'Количество заданий каждого вида по состояниям' });
    await expect(kinds).toContainText(
      'Пересчёт сроков открытых заявлений по загруженному производственному календарю',
    );
    await expect(kinds).toContainText('Уведомление застрахованных об уходе страховой компании из региона');
    const runs = page.getByRole('table', { name: 'Последние запуски заданий' });
    await expect(runs.getByRole('row').filter({ hasText: 'Пересчёт сроков' }).first()).toContainText(
      'Выполнено',
    );
    await expectAccessible(page);
  });

  test('a ТФОМС operator may not keep the directories or see the jobs', async ({ page }) => {
    const tfoms = await newStaff('tfoms_operator');
    await signInAsOwnStaff(page, tfoms);
    await expect(page.getByRole('navigation', { name: 'Разделы консоли' })).not.toContainText('Справочники');
    for (const path of [
      '/konsol/spravochniki',
      '/konsol/spravochniki/zagruzka',
      '/konsol/spravochniki/kalendar',
      '/konsol/zadaniya',
    ]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole('heading', { name: 'Нет доступа' })).toBeVisible();
    }
  });
});
