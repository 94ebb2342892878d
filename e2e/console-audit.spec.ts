import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe';
import { demoPerson } from './support/demo';
import { newStaff, signInAsOwnStaff, signInAsStaff } from './support/staff';

/**
 * The audit log (issue 11, item 5) through the real staff sign-in on the real database: a registrar's
 * lookup shows up for the ФФОМС administrator and the region's ТФОМС, filters name their invalid fields
 * and keep the input, the CSV export downloads and is itself logged, and an insurer's operator is refused.
 */

const person = demoPerson('active-moscow-parent');
const spaced = (enp: string) => `${enp.slice(0, 4)} ${enp.slice(4, 8)} ${enp.slice(8, 12)} ${enp.slice(12)}`;

/** A registrar of МО 770001 looks the person up by ЕНП in the clinic workspace (a read of personal data). */
async function registrarLooksUp(browser: Browser): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAsStaff(page, 'registrator');
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'По ЕНП' }) });
  await form.getByLabel('ЕНП').fill(person.enp);
  await form.getByRole('button', { name: 'Проверить по ЕНП' }).click();
  await expect(page.getByTestId('lookup-result').getByRole('heading')).toHaveText('Застрахован');
  await context.close();
}

const rows = (page: Page) => page.getByTestId('audit-entry');

test.describe('audit log', () => {
  test('the administrator sees the registrar’s lookup, filters it, and exports it', async ({
    page,
    browser,
  }) => {
    await registrarLooksUp(browser);
    // An administrator of the test's own (with TOTP, as every administrator): its export is found by login.
    const admin = await newStaff('ffoms_admin');
    await signInAsOwnStaff(page, admin, '/konsol/zhurnal');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Журнал аудита');
    await expect(rows(page).first()).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel('Кто').fill('registrator');
    await page.getByLabel('Кого: ЕНП').fill(person.enp);
    await page.getByLabel('Канал').selectOption({ label: 'Рабочее место МО' });
    await page.getByRole('button', { name: 'Показать' }).click();
    await expect(page).toHaveURL(/kto=registrator/);
    const first = rows(page).first();
    await expect(first).toContainText('registrator');
    await expect(first).toContainText('770001');
    await expect(first).toContainText(spaced(person.enp));
    await expect(first).toContainText('Проверка полиса (МО)');
    await expect(first).toContainText('Рабочее место МО');
    // Only the registrar's reads of this person through the workspace.
    for (const row of await rows(page).all()) {
      await expect(row).toContainText('registrator');
      await expect(row).toContainText(spaced(person.enp));
    }
    // The input stays in the form.
    await expect(page.getByLabel('Кто')).toHaveValue('registrator');

    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: /Выгрузить в CSV/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^zhurnal-audita-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFFВремя (МСК);Запись;Кто (вид);Кто;Организация;Что;Канал;ЕНП;')).toBe(true);
    const lines = csv.trimEnd().split('\n').slice(1);
    expect(lines.length).toBeGreaterThanOrEqual(1);
    for (const line of lines) {
      expect(line).toMatch(
        new RegExp(
          `^\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d:\\d\\d;Чтение персональных данных;Регистратор МО;registrator;770001;Проверка полиса \\(МО\\);Рабочее место МО;${person.enp};`,
        ),
      );
    }

    // The export is itself in the log: the administrator's action, with the person filtered on.
    await page.goto(`/konsol/zhurnal?kto=${admin.login}&enp=${person.enp}&chto=audit_exported`);
    await expect(rows(page).first()).toContainText('Выгрузка журнала');
    await expect(rows(page).first()).toContainText(spaced(person.enp));
  });

  test('invalid filters: the summary names each field, the input is kept, nothing is listed', async ({
    page,
  }) => {
    await signInAsOwnStaff(page, await newStaff('ffoms_admin'), '/konsol/zhurnal');
    await page.getByLabel('Кого: ЕНП').fill('123');
    await page.getByLabel('С даты').fill('10.03.2026');
    await page.getByLabel('По дату').fill('01.03.2026');
    await page.getByRole('button', { name: 'Показать' }).click();
    const summary = page.getByRole('alert', { name: 'Есть ошибки' });
    await expect(summary).toContainText('ЕНП состоит из 16 цифр.');
    await expect(summary).toContainText('Дата «по» не может быть раньше даты «с».');
    await expect(page.getByLabel('Кого: ЕНП')).toHaveValue('123');
    await expect(page.getByLabel('По дату')).toHaveValue('01.03.2026');
    await expect(page.getByTestId('audit-entries')).toHaveCount(0);
    await expectAccessible(page);
    await summary.getByRole('link', { name: 'ЕНП состоит из 16 цифр.' }).click();
    await expect(page.getByLabel('Кого: ЕНП')).toBeFocused();
  });

  test('the region’s ТФОМС sees the lookup of a person insured in its region', async ({ page, browser }) => {
    await registrarLooksUp(browser);
    await signInAsStaff(page, 'tfoms77', undefined, { next: '/konsol/zhurnal' });
    await page.goto(`/konsol/zhurnal?kto=registrator&enp=${person.enp}`);
    await expect(page.getByRole('paragraph').filter({ hasText: 'в регионе 77' })).toBeVisible();
    await expect(rows(page).first()).toContainText('registrator');
    await expectAccessible(page);
  });

  test('an insurer’s operator: «Нет доступа» for the page and for the export', async ({ page }) => {
    await signInAsStaff(page, 'smo77001');
    const answer = await page.goto('/konsol/zhurnal');
    expect(answer?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Нет доступа');
    await expect(page.getByTestId('audit-entries')).toHaveCount(0);
    const exported = await page.request.get('/konsol/zhurnal/vygruzka', { maxRedirects: 0 });
    expect(exported.status()).toBe(403);
    expect(exported.headers()['content-type']).not.toContain('text/csv');
  });
});
