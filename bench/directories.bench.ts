/**
 * Directory import benchmark: `npm run bench:directories [-- --organisations N] [--runs N]`.
 *
 * Imports an F003-shaped file of N medical organisations (default 10,000; new codes spread over every
 * subject) through the console's use case (lib/directories/import-directory.ts: read, check every field of
 * every record, compare with the directory, write in one transaction) — as XML and as CSV — and reports
 * records per second. Baseline in the same run, on the same database: the same rows written by a bare
 * multi-row upsert (`INSERT … ON CONFLICT DO UPDATE`, 1,000 rows a statement, one transaction), which is the
 * write the import ends with; the ratio says what reading and checking cost on top. Each measurement starts
 * from the same state (the organisations of the file absent) and is repeated; the median is reported.
 */
import { performance } from 'node:perf_hooks';
import { inArray, sql } from 'drizzle-orm';
import { closeDb, getDb } from '../db/client';
import { ogrnFrom } from '../db/reference/legal-ids';
import { loadReferenceData } from '../db/reference/load';
import { medicalOrganisations, subjects } from '../db/schema';
import { createStaffAccount } from '../lib/auth/staff-accounts';
import { importDirectory, type ImportingStaff } from '../lib/directories/import-directory';
import { optionsOrExit, parseBenchFlags } from './lib/args';
import { freshDatabase } from './lib/fresh-database';
import { fixed, int, table } from './lib/format';

const USAGE = `usage: npm run bench:directories -- [--organisations N] [--runs N]
  --organisations N   records in the F003 file (default 10000)
  --runs N            measurements of each way, median reported (default 3)`;

const flags = optionsOrExit(
  parseBenchFlags(process.argv.slice(2), {
    organisations: { kind: 'whole', min: 100, max: 50_000 },
    runs: { kind: 'whole', min: 1, max: 20 },
  }),
  USAGE,
);
const N = flags.organisations ?? 10_000;
const RUNS = flags.runs ?? 3;

interface Org {
  okato: string;
  code: string;
  subjectCode: string;
  nameFull: string;
  nameShort: string;
  ogrn: string;
  address: string;
  phone: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const db = await freshDatabase();
process.env.DATABASE_URL = db.url;
try {
  await loadReferenceData(getDb());
  const regions = await getDb().select({ code: subjects.code, okato: subjects.okato }).from(subjects);
  const orgs: Org[] = Array.from({ length: N }, (_, i) => {
    const r = regions[i % regions.length]!;
    const serial = String(5000 + Math.floor(i / regions.length)).padStart(4, '0');
    const code = `${r.code}${serial}`;
    return {
      okato: r.okato,
      code,
      subjectCode: r.code,
      nameFull: `Государственное бюджетное учреждение здравоохранения «Городская поликлиника № ${serial}»`,
      nameShort: `ГП № ${serial}`,
      ogrn: ogrnFrom(`103${code}000`.slice(0, 12)),
      address: `г. Город, ул. Проверочная, д. ${(i % 200) + 1}`,
      phone: '+7 800 000-00-00',
    };
  });
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n<packet><zglv><version>1.0</version></zglv>\n' +
    orgs
      .map(
        (o) =>
          `<medCompany><tf_okato>${o.okato}</tf_okato><mcod>${o.code}</mcod><nam_mop>${xmlEscape(o.nameFull)}</nam_mop>` +
          `<nam_mok>${o.nameShort}</nam_mok><Ogrn>${o.ogrn}</Ogrn><addr_f>${o.address}</addr_f><phone>${o.phone}</phone>` +
          `<pmsp>1</pmsp><d_begin>01.01.2015</d_begin></medCompany>`,
      )
      .join('\n') +
    '\n</packet>\n';
  const csv = [
    'tf_okato;mcod;nam_mop;nam_mok;ogrn;addr_f;phone;pmsp;d_begin;d_end',
    ...orgs.map((o) =>
      [
        o.okato,
        o.code,
        `"${o.nameFull.replace(/"/g, '""')}"`,
        o.nameShort,
        o.ogrn,
        o.address,
        o.phone,
        '1',
        '01.01.2015',
        '',
      ].join(';'),
    ),
  ].join('\n');
  const staffId = await createStaffAccount({
    login: 'bench.directories',
    password: 'bench-directories-password',
    fullName: 'Замеров Замер Замерович',
    role: 'ffoms_admin',
  });
  const staff: ImportingStaff = {
    actor: { kind: 'staff', id: 'bench.directories', role: 'ffoms_admin' },
    staffId,
    login: 'bench.directories',
    organisation: 'ffoms',
  };
  const codes = orgs.map((o) => o.code);
  const removeFileRows = () =>
    getDb().delete(medicalOrganisations).where(inArray(medicalOrganisations.code, codes));

  const measure = async (run: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await removeFileRows();
      const t0 = performance.now();
      await run();
      times.push(performance.now() - t0);
    }
    return median(times);
  };
  const expectAll = (r: Awaited<ReturnType<typeof importDirectory>>) => {
    if (!r.applied || r.added.length !== N)
      throw new Error(`import did not add ${N}: ${JSON.stringify(r.issues.slice(0, 3))}`);
  };
  const xmlMs = await measure(async () =>
    expectAll(
      await importDirectory(staff, {
        kind: 'medical_organisations',
        format: 'xml',
        content: new TextEncoder().encode(xml),
        dryRun: false,
      }),
    ),
  );
  const csvMs = await measure(async () =>
    expectAll(
      await importDirectory(staff, {
        kind: 'medical_organisations',
        format: 'csv',
        content: new TextEncoder().encode(csv),
        dryRun: false,
      }),
    ),
  );
  const dryMs = await measure(async () => {
    const r = await importDirectory(staff, {
      kind: 'medical_organisations',
      format: 'xml',
      content: new TextEncoder().encode(xml),
      dryRun: true,
    });
    if (r.added.length !== N) throw new Error('dry run did not see every record');
  });
  const bareMs = await measure(() =>
    getDb().transaction(async (tx) => {
      for (let i = 0; i < orgs.length; i += 1000) {
        await tx
          .insert(medicalOrganisations)
          .values(
            orgs.slice(i, i + 1000).map((o) => ({
              code: o.code,
              subjectCode: o.subjectCode,
              nameFull: o.nameFull,
              nameShort: o.nameShort,
              ogrn: o.ogrn,
              address: o.address,
              phone: o.phone,
              primaryCare: true,
              activeFrom: '2015-01-01',
              activeTo: null,
            })),
          )
          .onConflictDoUpdate({
            target: medicalOrganisations.code,
            set: { nameFull: sql`excluded.name_full` },
          });
      }
    }),
  );
  const rate = (ms: number) => N / (ms / 1000);
  console.log(`\nF003 import of ${int(N)} medical organisations (${db.where}; median of ${RUNS})\n`);
  console.log(
    table([
      ['way', 'time', 'records/s', 'vs bare upsert'],
      [
        'import, XML (read, check, compare, write)',
        `${fixed(xmlMs, 0)} ms`,
        int(rate(xmlMs)),
        fixed(bareMs / xmlMs),
      ],
      ['import, CSV', `${fixed(csvMs, 0)} ms`, int(rate(csvMs)), fixed(bareMs / csvMs)],
      ['check only (dry run, XML)', `${fixed(dryMs, 0)} ms`, int(rate(dryMs)), fixed(bareMs / dryMs)],
      ['baseline: bare multi-row upsert', `${fixed(bareMs, 0)} ms`, int(rate(bareMs)), '1.00'],
    ]),
  );
  console.log(
    `\nFile sizes: XML ${fixed(xml.length / 1024 / 1024)} MB, CSV ${fixed(csv.length / 1024 / 1024)} MB.`,
  );
} finally {
  await closeDb();
  await db.dispose();
}
