import { expect, test } from '@playwright/test';
import { sql } from 'drizzle-orm';
import { closeDb, getDb } from '../db/client';
import { formatEnp } from '../lib/domain/ru/enp';
import { scorePairs } from '../lib/duplicates/scan-duplicates';
import { registerPerson } from '../lib/register/register-person';
import { expectAccessible } from './support/axe';
import { newPerson, type OwnPerson } from './support/people';
import { newStaff, signInAsOwnStaff } from './support/staff';

/**
 * Issue 13, item 2 in the browser: an administrator of the test's own finds a pair of the test's own on
 * /konsol/dubli, compares the records side by side (differences marked), sees what the merge will do,
 * merges, then undoes the merge; an operator of another region gets a 403 on the pair. All through the
 * real staff sign-in, on the real server and database.
 */
test.afterAll(async () => {
  await closeDb();
});

/** A second record of the person, as another office registered it: «ё» for «е» lost, no СНИЛС, another passport. */
async function secondRecordOf(person: OwnPerson): Promise<{ personId: number; enp: string }> {
  const [last, first, patronymic] = person.name.split(' ');
  const registered = await registerPerson(
    {
      person: {
        lastName: last!,
        firstName: first!,
        patronymic: patronymic ?? null,
        sex: /а$/.test(patronymic ?? '') ? 'F' : 'M',
        birthDate: person.birthDate,
        snils: null,
      },
      document: {
        kind: 14,
        series: '45 99',
        number: String(100000 + Math.floor(Math.random() * 899_999)),
        issueDate: '2015-04-01',
        issuer: 'ГУ МВД России по г. Москве',
      },
      // Overlaps the first record's period: the review shows it retracted by the merge.
      coverage: {
        insurerCode: '77002',
        subjectCode: '77',
        reason: 'new_policy',
        on: `${new Date().getUTCFullYear() - 1}-03-01`,
      },
      attachment: null,
    },
    // An employee registers it: the creation-time check stops only automatic creation.
    { actor: { kind: 'staff', id: 'e2e-dup', role: 'ffoms_admin' }, source: 'console' },
  );
  return registered;
}

async function plantedPair() {
  const person = await newPerson();
  const second = await secondRecordOf(person);
  const found = await scorePairs(getDb(), [[person.personId, second.personId]]);
  expect(found).toBe(1);
  const { rows } = await getDb().execute<{ id: string }>(
    sql`select id from duplicate_candidates where person_a_id = ${person.personId} and person_b_id = ${second.personId}`,
  );
  return { person, second, candidateId: rows[0]!.id, enpCell: new RegExp(formatEnp(second.enp)) };
}

test('review a pair side by side, merge it keeping the first ЕНП, then undo the merge', async ({ page }) => {
  const { person, second, enpCell, candidateId } = await plantedPair();
  const admin = await newStaff('ffoms_admin');
  await signInAsOwnStaff(page, admin, '/konsol/dubli');
  const row = page.getByRole('row', { name: enpCell });
  await expect(row).toBeVisible();
  await expectAccessible(page);
  await row.getByRole('link').click();

  await expect(page.getByRole('heading', { level: 1, name: /Пара возможных дублей/ })).toBeVisible();
  const table = page.getByRole('table', { name: 'Записи рядом; отличия выделены' });
  await expect(table.getByRole('row', { name: /СНИЛС/ }).locator('mark')).toHaveCount(2);
  await expect(table.getByRole('row', { name: /^Фамилия/ }).locator('mark')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Что произойдёт при объединении' })).toBeVisible();
  await expect(page.getByText('Перекрывающиеся периоды страхования')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: /Объединить, сохранив ЕНП/ }).click();
  await expect(page.getByRole('status')).toContainText('Записи объединены');
  await expect(page.getByText('Состояние: Объединены')).toBeVisible();
  await expectAccessible(page);

  // The merged pair has left the open list; the administrator finds it under the latest merges.
  await page.goto('/konsol/dubli');
  await expect(page.getByRole('row', { name: enpCell })).toHaveCount(0);
  await page.getByRole('link', { name: `пара № ${candidateId}` }).click();
  await page.getByRole('button', { name: 'Отменить объединение' }).click();
  await expect(page.getByRole('status')).toContainText('Объединение отменено');
  await expect(page.getByText('Состояние: Не проверена')).toBeVisible();
  await expect(page.getByRole('button', { name: /Объединить, сохранив ЕНП/ })).toBeVisible();
  expect(person.personId).toBeLessThan(second.personId);
});

test('mark a pair as different people; it is not proposed again', async ({ page }) => {
  const { enpCell: enp } = await plantedPair();
  const operator = await newStaff('tfoms_operator', { subjectCode: '77' }, { totp: true });
  await signInAsOwnStaff(page, operator, '/konsol/dubli');
  await page.getByRole('row', { name: enp }).getByRole('link').click();
  await page.getByRole('button', { name: 'Это разные люди' }).click();
  await expect(page.getByRole('status')).toContainText('больше не будет предлагаться');
  // An operator may not undo (administrators only): no undo button, and the pair left the list.
  await expect(page.getByRole('button', { name: 'Отменить объединение' })).toHaveCount(0);
  await page.goto('/konsol/dubli');
  await expect(page.getByRole('row', { name: enp })).toHaveCount(0);
});

test('an operator of another region gets a 403 on the pair; an insurer operator on the list', async ({
  browser,
}) => {
  const { candidateId } = await plantedPair();
  const other = await newStaff('tfoms_operator', { subjectCode: '50' }, { totp: true });
  const page = await browser.newPage();
  await signInAsOwnStaff(page, other, '/konsol');
  const response = await page.goto(`/konsol/dubli/${candidateId}`);
  expect(response?.status()).toBe(403);
  const smo = await newStaff('smo_operator', { insurerCode: '77001' }, { totp: true });
  const page2 = await browser.newPage();
  await signInAsOwnStaff(page2, smo, '/konsol');
  expect((await page2.goto('/konsol/dubli'))?.status()).toBe(403);
});

test('a fresh start proposes the demo register s planted duplicates without anyone asking', async ({
  page,
}) => {
  // The server seeded one generated person in a hundred twice (scripts/serve.ts) and queued the duplicate
  // scan at start (jobsOnStart): every planted pair becomes a candidate on its own.
  const db = getDb();
  const { rows: plantedRows } = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from seed_planted_duplicates`,
  );
  const planted = plantedRows[0]!.n;
  expect(planted).toBeGreaterThan(0);
  await expect
    .poll(
      async () => {
        const { rows } = await db.execute<{ n: number }>(
          sql`select count(*)::int as n
                from seed_planted_duplicates p
                join duplicate_candidates c
                  on c.person_a_id = least(p.original_id, p.duplicate_id)
                 and c.person_b_id = greatest(p.original_id, p.duplicate_id)`,
        );
        return rows[0]!.n;
      },
      { timeout: 60_000 },
    )
    .toBe(planted);

  // The best-scored planted pair is on the administrator's list, with the duplicate record's ЕНП.
  const { rows } = await db.execute<{ enp: string }>(
    sql`select d.enp
          from seed_planted_duplicates p
          join duplicate_candidates c
            on c.person_a_id = least(p.original_id, p.duplicate_id)
           and c.person_b_id = greatest(p.original_id, p.duplicate_id)
          join persons d on d.id = p.duplicate_id
         where c.status = 'open'
         order by c.score desc, c.id
         limit 1`,
  );
  const admin = await newStaff('ffoms_admin');
  await signInAsOwnStaff(page, admin, '/konsol/dubli');
  await expect(page.getByRole('row', { name: new RegExp(formatEnp(rows[0]!.enp)) })).toBeVisible();
});
