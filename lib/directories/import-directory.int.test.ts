import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { innFrom, ogrnFrom } from '@/db/reference/legal-ids';
import {
  insurerRegions,
  insurers,
  medicalOrganisations,
  notifications,
  staffActions,
  subjects,
} from '@/db/schema';
import { AppError } from '@/lib/errors';
import { stopJobQueue } from '@/lib/jobs/job-queue';
import { personRecipient } from '@/lib/notifications/person-recipient';
import { registerPerson } from '@/lib/register/register-person';
import { terminatePolicy } from '@/lib/register/terminate-policy';
import { adultInput, metaAt } from '@/testing/register/people';
import { directoryAdmin } from '@/testing/directories/admin';
import { importDirectory, type ImportingStaff } from './import-directory';
import { notifyInsuredOfLeavingInsurers } from './insurer-leaving';

afterAll(async () => {
  await stopJobQueue();
});

const admin = directoryAdmin('directory.admin', 'Справочникова Ирина Павловна');

const HEADER = 'tf_okato;smocod;nam_smop;nam_smok;inn;ogrn;addr_f;phone;hot_line;e_mail;www;d_begin;d_end';

function insurerLine(code: string, o: Partial<Record<string, string>> = {}): string {
  const f = {
    tf_okato: '45000',
    smocod: code,
    nam_smop: `Акционерное общество «Страховая компания ${code}»`,
    nam_smok: `СК ${code}`,
    inn: innFrom(`7${code}0000000`.slice(0, 9)),
    ogrn: ogrnFrom(`1027${code}0000000`.slice(0, 12)),
    addr_f: 'г. Москва, ул. Тестовая, д. 1',
    phone: '+7 495 000-00-00',
    hot_line: '8 800 000-00-00',
    e_mail: `oms${code}@example.ru`,
    www: 'example.ru',
    d_begin: '01.01.2020',
    d_end: '',
    ...o,
  };
  return Object.values(f).join(';');
}

/** The line of an insurer as the register holds it, with some fields of the file changed. */
const storedInsurerLine = (row: typeof insurers.$inferSelect, o: Partial<Record<string, string>>) =>
  insurerLine(row.code, {
    nam_smop: row.nameFull,
    nam_smok: row.nameShort,
    inn: row.inn,
    ogrn: row.ogrn,
    addr_f: row.address,
    phone: row.phone,
    hot_line: row.hotLine ?? '',
    e_mail: row.email ?? '',
    www: row.website ?? '',
    d_begin: row.activeFrom,
    ...o,
  });

const csv = (...lines: string[]) => new TextEncoder().encode([HEADER, ...lines].join('\n'));

async function insurerCount(): Promise<number> {
  const [row] = await getDb().select({ n: count() }).from(insurers);
  return row!.n;
}

describe('importing the insurers directory (F002, CSV)', () => {
  it('names every wrong field of every record and imports nothing', async () => {
    const before = await insurerCount();
    const report = await importDirectory(await admin(), {
      kind: 'insurers',
      format: 'csv',
      dryRun: false,
      content: csv(
        insurerLine('77901'), // a good row: still not imported, because others are wrong
        insurerLine('77902', { tf_okato: '99999' }),
        insurerLine('7790', { nam_smok: '' }),
        insurerLine('50903'),
        insurerLine('77904', { ogrn: '1027700132196', inn: '7707083894' }),
        insurerLine('77905', { d_begin: '31.02.2020' }),
        insurerLine('77906', { d_begin: '01.01.2021', d_end: '31.12.2020' }),
        insurerLine('77907', { nam_smop: 'Страховая\u0007компания', e_mail: 'нет почты' }),
        insurerLine('77901'),
        '45000;77909;only three',
      ),
    });
    expect(report.applied).toBe(false);
    expect(report.fileError).toBeNull();
    expect(report.records).toBe(10);
    expect(report.issues.map((i) => [i.row, i.field])).toEqual([
      [2, 'tf_okato'],
      [3, 'smocod'],
      [3, 'nam_smok'],
      [4, 'smocod'],
      [5, 'ogrn'],
      [5, 'inn'],
      [6, 'd_begin'],
      [7, 'd_end'],
      [8, 'nam_smop'],
      [8, 'e_mail'],
      [9, 'smocod'],
      [10, '—'],
    ]);
    expect(report.issues.find((i) => i.row === 4)?.message).toBe(
      'Код должен начинаться с кода субъекта 77 (территория 45000).',
    );
    expect(report.issues.find((i) => i.row === 9)?.message).toBe('Код 77901 уже есть в записи 1.');
    expect(await insurerCount()).toBe(before);
  });

  it('a dry run reports what would be added, changed and ended, and changes nothing', async () => {
    const [current] = await getDb().select().from(insurers).where(eq(insurers.code, '77002'));
    const before = await insurerCount();
    const report = await importDirectory(await admin(), {
      kind: 'insurers',
      format: 'csv',
      dryRun: true,
      content: csv(
        insurerLine('77911'),
        storedInsurerLine(current!, { phone: '+7 495 111-22-33', d_end: '2026-12-31' }),
      ),
    });
    expect(report.issues).toEqual([]);
    expect(report.added).toEqual([{ code: '77911', name: 'СК 77911' }]);
    expect(report.changed).toEqual([
      {
        code: '77002',
        name: current!.nameShort,
        changes: [
          { field: 'Телефон', before: current!.phone, after: '+7 495 111-22-33' },
          { field: 'Окончание деятельности', before: '—', after: '2026-12-31' },
        ],
      },
    ]);
    expect(report.endingActivity).toEqual([
      { code: '77002', name: current!.nameShort, subjectCode: '77', lastDay: '2026-12-31' },
    ]);
    expect(report.applied).toBe(false);
    expect(await insurerCount()).toBe(before);
    const [after] = await getDb().select().from(insurers).where(eq(insurers.code, '77002'));
    expect(after).toEqual(current);
  });

  it('an ФФОМС administrator only: a ТФОМС operator is refused before the file is read', async () => {
    const tfoms: ImportingStaff = {
      actor: { kind: 'staff', id: 'tfoms.dir', role: 'tfoms_operator', subjectCode: '77' },
      staffId: 0,
      login: 'tfoms.dir',
      organisation: 'tfoms:77',
    };
    await expect(
      importDirectory(tfoms, { kind: 'insurers', format: 'csv', dryRun: true, content: new Uint8Array() }),
    ).rejects.toSatisfy((e) => e instanceof AppError && e.code === 'FORBIDDEN');
  });
});

describe('an insurer leaving a region: its insured are told once, even when the job is interrupted', () => {
  it('imports the ending, then notifies each insured person of that insurer exactly once', async () => {
    const meta = metaAt('2026-03-01T09:00:00Z');
    const insuredWith = async (insurerCode: string) =>
      (
        await registerPerson(
          adultInput({
            coverage: { insurerCode, subjectCode: '77', reason: 'new_policy', on: '2026-02-01' },
          }),
          meta,
        )
      ).personId;
    const insured: number[] = [];
    for (let i = 0; i < 5; i++) insured.push(await insuredWith('77003'));
    const other = await insuredWith('77001');
    // A person whose policy with the leaving insurer has already ended is not told.
    const ended = await insuredWith('77003');
    await terminatePolicy({ personId: ended, on: '2026-02-20', reason: 'citizenship_ended' }, meta);

    const [current] = await getDb().select().from(insurers).where(eq(insurers.code, '77003'));
    const line = storedInsurerLine(current!, { d_end: '30.06.2026' });
    const report = await importDirectory(await admin(), {
      kind: 'insurers',
      format: 'csv',
      dryRun: false,
      content: csv(line),
    });
    expect(report.applied).toBe(true);
    expect(report.endingActivity.map((e) => e.code)).toEqual(['77003']);
    const [region] = await getDb()
      .select()
      .from(insurerRegions)
      .where(and(eq(insurerRegions.insurerCode, '77003'), eq(insurerRegions.subjectCode, '77')));
    expect(region!.servedTo).toBe('2026-06-30');
    const audit = await getDb()
      .select()
      .from(staffActions)
      .where(eq(staffActions.action, 'directory_imported'));
    expect(audit.at(-1)).toMatchObject({ login: 'directory.admin', targetKind: 'insurers' });
    expect(audit.at(-1)!.details).toMatchObject({ records: 1, changed: 1, endingActivity: ['77003'] });
    const { rows: queued } = await getDb().execute<{ n: number }>(
      sql`select count(*)::int as n from pgboss.job where name = 'directories.notify-insurer-leaving'`,
    );
    expect(queued[0]!.n).toBe(1);

    // The job, in batches of two, dies after its first batch; then it runs again to the end, twice.
    const now = new Date('2026-03-10T09:00:00Z');
    await expect(
      notifyInsuredOfLeavingInsurers({
        batchSize: 2,
        now,
        afterBatch: () => {
          throw new Error('worker killed');
        },
      }),
    ).rejects.toThrow('worker killed');
    await notifyInsuredOfLeavingInsurers({ batchSize: 2, now });
    const again = await notifyInsuredOfLeavingInsurers({ batchSize: 2, now });
    expect(again.notified).toBe(0);

    const told = async (personId: number) =>
      (
        await getDb()
          .select()
          .from(notifications)
          .where(eq(notifications.recipientSub, personRecipient(personId)))
      ).map((n) => n.text);
    for (const personId of insured) {
      const texts = await told(personId);
      expect(texts).toHaveLength(1);
      expect(texts[0]).toContain(
        `«${current!.nameShort}» прекращает работу в регионе «город Москва»: последний день — 30.06.2026`,
      );
    }
    expect(await told(other)).toEqual([]);
    expect(await told(ended)).toEqual([]);
  });
});

describe('importing medical organisations (F003, XML)', () => {
  const xml = (body: string) =>
    new TextEncoder().encode(
      `<?xml version="1.0" encoding="UTF-8"?>\n<packet><zglv><version>1.0</version></zglv>${body}</packet>`,
    );
  const mo = (code: string, extra = '') =>
    `<medCompany><tf_okato>45000</tf_okato><mcod>${code}</mcod><nam_mop>ГБУЗ «Городская поликлиника № ${code}»</nam_mop>` +
    `<nam_mok>ГП ${code}</nam_mok><Ogrn>${ogrnFrom(`1037${code}99`.slice(0, 12))}</Ogrn><addr_f>г. Москва</addr_f>` +
    `<pmsp>1</pmsp><d_begin>01.01.2015</d_begin>${extra}</medCompany>`;

  it('imports good records and reports each wrong one by its number', async () => {
    const bad = await importDirectory(await admin(), {
      kind: 'medical_organisations',
      format: 'xml',
      dryRun: false,
      content: xml(mo('779901') + mo('779902', '<pmsp>2</pmsp>').replace('<pmsp>1</pmsp>', '')),
    });
    expect(bad.issues).toEqual([{ row: 2, field: 'pmsp', message: 'Признак первичной помощи — 1 или 0.' }]);
    const good = await importDirectory(await admin(), {
      kind: 'medical_organisations',
      format: 'xml',
      dryRun: false,
      content: xml(mo('779901') + mo('779902')),
    });
    expect(good).toMatchObject({ applied: true, records: 2, issues: [] });
    expect(good.added.map((a) => a.code)).toEqual(['779901', '779902']);
    const rows = await getDb()
      .select()
      .from(medicalOrganisations)
      .where(eq(medicalOrganisations.subjectCode, '77'));
    expect(rows.find((r) => r.code === '779902')).toMatchObject({
      nameShort: 'ГП 779902',
      primaryCare: true,
      activeFrom: '2015-01-01',
    });
  });

  it('refuses a file that cannot be read as a whole: broken XML, a DTD, no records, not UTF-8', async () => {
    const staff = await admin();
    const read = (content: Uint8Array) =>
      importDirectory(staff, { kind: 'medical_organisations', format: 'xml', dryRun: true, content });
    expect((await read(new TextEncoder().encode('<packet><medCompany></packet>'))).fileError).toMatch(
      /^Файл XML не читается \(строка 1\)/,
    );
    expect(
      (await read(new TextEncoder().encode('<!DOCTYPE packet [<!ENTITY a "x">]><packet/>'))).fileError,
    ).toBe('Объявление DOCTYPE в файле не допускается.');
    expect((await read(xml(''))).fileError).toBe('В файле XML нет ни одной записи medCompany.');
    expect((await read(new Uint8Array([0xff, 0xfe, 0x00]))).fileError).toBe('Файл не в кодировке UTF-8.');
  });
});

describe('importing the subjects directory (F010)', () => {
  const subjectsCsv = (...lines: string[]) =>
    new TextEncoder().encode(['kod_tf;kod_okato;subname', ...lines].join('\n'));
  const subject = async (code: string) =>
    (await getDb().select().from(subjects).where(eq(subjects.code, code)))[0];

  it('names every wrong field, and an ОКАТО another subject has, and imports nothing', async () => {
    const report = await importDirectory(await admin(), {
      kind: 'subjects',
      format: 'csv',
      dryRun: false,
      content: subjectsCsv(
        '80;12345;Новый субъект', // good, still not imported
        '8;12346;Код из одной цифры',
        '81;1234;ОКАТО из четырёх цифр',
        '82;12347;',
        '83;45000;Присваивает ОКАТО Москвы',
        '84;12345;Тот же ОКАТО, что в записи 1',
      ),
    });
    expect(report.applied).toBe(false);
    expect(report.issues.map((i) => [i.row, i.field])).toEqual([
      [2, 'kod_tf'],
      [3, 'kod_okato'],
      [4, 'subname'],
      [5, 'kod_okato'],
      [6, 'kod_okato'],
    ]);
    expect(report.issues[3]!.message).toBe('Код ОКАТО 45000 уже у субъекта 77.');
    expect(report.issues[4]!.message).toBe('Код ОКАТО 12345 уже у записи 1.');
    expect(await subject('80')).toBeUndefined();
  });

  it('shows a rename in a dry run without writing it, then imports it from XML with its audit entry', async () => {
    const xml = new TextEncoder().encode(
      `<?xml version="1.0" encoding="UTF-8"?>
<packet><zglv><type>F010</type><version>2.1</version><date>01.12.2026</date></zglv>
<zap><kod_tf>42</kod_tf><kod_okato>32000</kod_okato><subname>Кемеровская область (новое наименование)</subname></zap>
<zap><kod_tf>96</kod_tf><kod_okato>96100</kod_okato><subname>Синтетический субъект для проверки</subname></zap>
</packet>`,
    );
    const before = await subject('42');
    const dry = await importDirectory(await admin(), {
      kind: 'subjects',
      format: 'xml',
      dryRun: true,
      content: xml,
    });
    expect(dry.issues).toEqual([]);
    expect(dry.added).toEqual([{ code: '96', name: 'Синтетический субъект для проверки' }]);
    expect(dry.changed).toEqual([
      {
        code: '42',
        name: 'Кемеровская область (новое наименование)',
        changes: [
          {
            field: 'Наименование',
            before: before!.nameRu,
            after: 'Кемеровская область (новое наименование)',
          },
        ],
      },
    ]);
    expect(await subject('42')).toEqual(before);
    expect(await subject('96')).toBeUndefined();

    const done = await importDirectory(await admin(), {
      kind: 'subjects',
      format: 'xml',
      dryRun: false,
      content: xml,
    });
    expect(done.applied).toBe(true);
    expect(await subject('42')).toMatchObject({
      nameRu: 'Кемеровская область (новое наименование)',
      okato: '32000',
    });
    expect(await subject('96')).toMatchObject({
      okato: '96100',
      nameRu: 'Синтетический субъект для проверки',
      codeStatus: 'verified',
    });
    const audit = await getDb()
      .select()
      .from(staffActions)
      .where(and(eq(staffActions.action, 'directory_imported'), eq(staffActions.targetKind, 'subjects')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ format: 'xml', records: 2, added: 1, changed: 1 });
  });
});
