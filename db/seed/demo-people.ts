import { generateEnp } from '@/lib/domain/ru/enp';
import { epochDay } from './copy-text';
import type { CoverageForm, CoverageReason, CoverageStatus, HistoryEvent, PersonRecord } from './records';

/**
 * Fixed demo people, loaded first (ids 1…k, ЕНП serials 1…k) on every seed, one per journey to try in the
 * portal and the console. Names, documents, СНИЛС and ЕНП never change, so tests and the README can name
 * them. All of it is invented: none of these people exist.
 *
 * "This year" events (an insurer change, a move) are dated in the seeding year, so the journeys keep
 * working whenever the register is seeded (from 2026 on).
 */

export interface DemoDocument {
  /** F011 code. */
  kind: number;
  series: string | null;
  number: string;
}

export interface DemoPerson {
  id: number;
  /** A short stable key for tests. */
  key: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  sex: 'M' | 'F';
  birthDate: string;
  /** The subject where the person lives now. */
  subjectCode: string;
  /** The document to look the person up by. */
  document: DemoDocument;
  snils: string | null;
  enp: string;
  /** What to try with this person. */
  journey: string;
}

/** An identity that is deliberately NOT in the register: for "get a policy" journeys. */
export const DEMO_NOT_REGISTERED = {
  lastName: 'Васильев',
  firstName: 'Андрей',
  patronymic: 'Игоревич',
  sex: 'M',
  birthDate: '1996-03-14',
  birthPlace: 'г. Москва',
  subjectCode: '77',
  document: { kind: 14, series: '4516', number: '587240' },
  documentIssueDate: '2016-04-05',
  documentIssuer: 'УФМС России по г. Москве',
  snils: '19280461785',
} as const;

/**
 * A second verified person outside the register: journey 1's browser test gets her a policy, so
 * `DEMO_NOT_REGISTERED` stays outside the register for the tests of signing in as such a person.
 */
export const DEMO_NEW_APPLICANT = {
  lastName: 'Кузнецова',
  firstName: 'Мария',
  patronymic: 'Олеговна',
  sex: 'F',
  birthDate: '1999-05-21',
  birthPlace: 'г. Москва',
  subjectCode: '77',
  document: { kind: 14, series: '4519', number: '302718' },
  documentIssueDate: '2019-06-11',
  documentIssuer: 'ГУ МВД России по г. Москве',
  snils: '19507231675',
} as const;

/** The earliest seeding date the demo stories fit (their past events are in 2024–2025). */
export const DEMO_EARLIEST_AS_OF = '2026-01-01';

type Day = string | ((year: number) => string);

interface DemoSpec extends DemoPerson {
  birthPlace: string;
  citizenship: string;
  category: 1 | 2;
  deathDate: string | null;
  documents: {
    kind: number;
    series: string | null;
    number: string;
    issueDate: string;
    issuer: string | null;
    validTo: string | null;
    current: boolean;
  }[];
  coverages: {
    insurer: string;
    subject: string;
    status: CoverageStatus;
    reason: CoverageReason;
    form: CoverageForm;
    from: Day;
    to: Day | null;
  }[];
  attachments: { mo: string; from: Day; to: Day | null }[];
  representedBy: number | null;
}

const thisYear =
  (monthDay: string): Day =>
  (year) =>
    `${year}-${monthDay}`;

const SPECS: readonly DemoSpec[] = [
  {
    id: 1,
    key: 'active-moscow-parent',
    lastName: 'Иванов',
    firstName: 'Сергей',
    patronymic: 'Петрович',
    sex: 'M',
    birthDate: '1985-04-12',
    birthPlace: 'г. Москва',
    citizenship: 'RUS',
    category: 1,
    deathDate: null,
    subjectCode: '77',
    document: { kind: 14, series: '4505', number: '318274' },
    snils: '14821563057',
    enp: generateEnp('77', 1),
    journey: 'Active policy in Moscow with an attachment; parent of Анна: see and act for the child.',
    documents: [
      {
        kind: 14,
        series: '4505',
        number: '318274',
        issueDate: '2005-05-18',
        issuer: 'УФМС России по г. Москве',
        validTo: '2030-07-11',
        current: true,
      },
    ],
    coverages: [
      {
        insurer: '77001',
        subject: '77',
        status: 'active',
        reason: 'initial_load',
        form: 'legacy_card',
        from: '2011-06-01',
        to: null,
      },
    ],
    attachments: [{ mo: '770003', from: '2019-02-01', to: null }],
    representedBy: null,
  },
  {
    id: 2,
    key: 'child-with-birth-certificate',
    lastName: 'Иванова',
    firstName: 'Анна',
    patronymic: 'Сергеевна',
    sex: 'F',
    birthDate: '2019-08-03',
    birthPlace: 'г. Москва',
    citizenship: 'RUS',
    category: 2,
    deathDate: null,
    subjectCode: '77',
    document: { kind: 3, series: 'IV-МЮ', number: '512846' },
    snils: '15790321475',
    enp: generateEnp('77', 2),
    journey: "A child (birth certificate), attached to a children's polyclinic; her parent is Иванов С. П.",
    documents: [
      {
        kind: 3,
        series: 'IV-МЮ',
        number: '512846',
        issueDate: '2019-08-14',
        issuer: 'Отдел ЗАГС по г. Москве',
        validTo: null,
        current: true,
      },
    ],
    coverages: [
      {
        insurer: '77001',
        subject: '77',
        status: 'active',
        reason: 'birth',
        form: 'paper_extract',
        from: '2019-08-03',
        to: null,
      },
    ],
    attachments: [{ mo: '770009', from: '2019-08-20', to: null }],
    representedBy: 1,
  },
  {
    id: 3,
    key: 'suspended-military-service',
    lastName: 'Петров',
    firstName: 'Алексей',
    patronymic: 'Николаевич',
    sex: 'M',
    birthDate: '2001-02-20',
    birthPlace: 'г. Подольск',
    citizenship: 'RUS',
    category: 1,
    deathDate: null,
    subjectCode: '50',
    document: { kind: 14, series: '4621', number: '407315' },
    snils: '16348209774',
    enp: generateEnp('50', 3),
    journey:
      'Policy suspended for military service since 01.10.2025: see the suspension; changes are refused.',
    documents: [
      {
        kind: 14,
        series: '4621',
        number: '407315',
        issueDate: '2021-03-05',
        issuer: 'ГУ МВД России по Московской области',
        validTo: '2046-05-21',
        current: true,
      },
    ],
    coverages: [
      {
        insurer: '50002',
        subject: '50',
        status: 'active',
        reason: 'initial_load',
        form: 'legacy_card',
        from: '2011-05-20',
        to: '2025-10-01',
      },
      {
        insurer: '50002',
        subject: '50',
        status: 'suspended',
        reason: 'military_service',
        form: 'electronic',
        from: '2025-10-01',
        to: null,
      },
    ],
    attachments: [{ mo: '500002', from: '2021-05-12', to: null }],
    representedBy: null,
  },
  {
    id: 4,
    key: 'changed-insurer-this-year',
    lastName: 'Смирнова',
    firstName: 'Елена',
    patronymic: 'Викторовна',
    sex: 'F',
    birthDate: '1990-06-15',
    birthPlace: 'г. Ленинград',
    citizenship: 'RUS',
    category: 1,
    deathDate: null,
    subjectCode: '78',
    document: { kind: 14, series: '4010', number: '221904' },
    snils: '12937584698',
    enp: generateEnp('78', 4),
    journey: 'Changed insurer on 2 March of the seeding year: a second change this year is refused.',
    documents: [
      {
        kind: 14,
        series: '4010',
        number: '221904',
        issueDate: '2010-07-02',
        issuer: 'УФМС России по г. Санкт-Петербургу и Ленинградской области',
        validTo: '2035-09-13',
        current: true,
      },
    ],
    coverages: [
      {
        insurer: '78001',
        subject: '78',
        status: 'active',
        reason: 'initial_load',
        form: 'legacy_card',
        from: '2011-07-11',
        to: thisYear('03-02'),
      },
      {
        insurer: '78002',
        subject: '78',
        status: 'active',
        reason: 'insurer_change',
        form: 'electronic',
        from: thisYear('03-02'),
        to: null,
      },
    ],
    attachments: [{ mo: '780001', from: '2014-09-01', to: null }],
    representedBy: null,
  },
  {
    id: 5,
    key: 'moved-region-this-year',
    lastName: 'Кузнецов',
    firstName: 'Дмитрий',
    patronymic: 'Андреевич',
    sex: 'M',
    birthDate: '1978-11-03',
    birthPlace: 'г. Самара',
    citizenship: 'RUS',
    category: 1,
    deathDate: null,
    subjectCode: '77',
    document: { kind: 14, series: '3623', number: '605117' },
    snils: '17164052854',
    enp: generateEnp('63', 5),
    journey:
      'Moved from Samara (ЕНП starts with 63) to Moscow on 20 April of the seeding year: the move allows one more change.',
    documents: [
      {
        kind: 14,
        series: '3623',
        number: '605117',
        issueDate: '2023-11-20',
        issuer: 'ГУ МВД России по Самарской области',
        validTo: null,
        current: true,
      },
    ],
    coverages: [
      {
        insurer: '63001',
        subject: '63',
        status: 'active',
        reason: 'initial_load',
        form: 'legacy_card',
        from: '2011-09-15',
        to: thisYear('04-20'),
      },
      {
        insurer: '77002',
        subject: '77',
        status: 'active',
        reason: 'region_change',
        form: 'electronic',
        from: thisYear('04-20'),
        to: null,
      },
    ],
    attachments: [
      { mo: '630001', from: '2012-03-01', to: thisYear('04-20') },
      { mo: '770004', from: thisYear('05-06'), to: null },
    ],
    representedBy: null,
  },
  {
    id: 6,
    key: 'foreign-resident',
    lastName: 'Каримов',
    firstName: 'Рустам',
    patronymic: 'Алишерович',
    sex: 'M',
    birthDate: '1992-09-09',
    birthPlace: 'Республика Узбекистан, г. Ташкент',
    citizenship: 'UZB',
    category: 1,
    deathDate: null,
    subjectCode: '66',
    document: { kind: 11, series: '82', number: '0418532' },
    snils: '13806275966',
    enp: generateEnp('66', 6),
    journey:
      'Foreign resident with a residence permit (ВНЖ): policy bounded by the permit, until 04.10.2029.',
    documents: [
      {
        kind: 9,
        series: 'FA',
        number: '2450187',
        issueDate: '2021-02-10',
        issuer: null,
        validTo: '2031-02-09',
        current: true,
      },
      {
        kind: 11,
        series: '82',
        number: '0418532',
        issueDate: '2024-10-05',
        issuer: 'ГУ МВД России по Свердловской области',
        validTo: '2029-10-04',
        current: true,
      },
    ],
    coverages: [
      {
        insurer: '66001',
        subject: '66',
        status: 'active',
        reason: 'initial_load',
        form: 'electronic',
        from: '2024-10-21',
        to: '2029-10-04',
      },
    ],
    attachments: [{ mo: '660002', from: '2024-11-11', to: null }],
    representedBy: null,
  },
  {
    id: 7,
    key: 'deceased',
    lastName: 'Соколова',
    firstName: 'Мария',
    patronymic: 'Ивановна',
    sex: 'F',
    birthDate: '1938-01-25',
    birthPlace: 'г. Ярославль',
    citizenship: 'RUS',
    category: 2,
    deathDate: '2025-08-14',
    subjectCode: '76',
    document: { kind: 14, series: '7803', number: '114592' },
    snils: '18452730178',
    enp: generateEnp('76', 7),
    journey: 'Deceased on 14.08.2025: policy terminated (death); lookups show it as not valid.',
    documents: [
      {
        kind: 14,
        series: '7803',
        number: '114592',
        issueDate: '2003-03-11',
        issuer: 'УВД по Ярославской области',
        validTo: null,
        current: true,
      },
    ],
    coverages: [
      {
        insurer: '76001',
        subject: '76',
        status: 'active',
        reason: 'initial_load',
        form: 'legacy_card',
        from: '2011-05-16',
        to: '2025-08-14',
      },
      {
        insurer: '76001',
        subject: '76',
        status: 'terminated',
        reason: 'death',
        form: 'electronic',
        from: '2025-08-14',
        to: null,
      },
    ],
    attachments: [{ mo: '760001', from: '2012-04-02', to: '2025-08-14' }],
    representedBy: null,
  },
  {
    id: 8,
    key: 'insurer-leaving-region',
    lastName: 'Попова',
    firstName: 'Ольга',
    patronymic: 'Дмитриевна',
    sex: 'F',
    birthDate: '1975-12-01',
    birthPlace: 'г. Москва',
    citizenship: 'RUS',
    category: 1,
    deathDate: null,
    subjectCode: '77',
    document: { kind: 14, series: '4520', number: '733061' },
    snils: '11673948584',
    enp: generateEnp('77', 8),
    journey:
      'Insured by the Moscow branch 77004 that leaves the region on 31 December (of the year the directories were loaded): must choose another insurer.',
    documents: [
      {
        kind: 14,
        series: '4520',
        number: '733061',
        issueDate: '2020-12-15',
        issuer: 'ГУ МВД России по г. Москве',
        validTo: null,
        current: true,
      },
    ],
    coverages: [
      {
        insurer: '77001',
        subject: '77',
        status: 'active',
        reason: 'initial_load',
        form: 'legacy_card',
        from: '2011-07-01',
        to: '2015-02-10',
      },
      {
        insurer: '77004',
        subject: '77',
        status: 'active',
        reason: 'insurer_change',
        form: 'legacy_card',
        from: '2015-02-10',
        to: null,
      },
    ],
    attachments: [{ mo: '770006', from: '2016-01-20', to: null }],
    representedBy: null,
  },
];

/** The demo people as the README and tests see them. */
export const DEMO_PEOPLE: readonly DemoPerson[] = SPECS.map((s) => ({
  id: s.id,
  key: s.key,
  lastName: s.lastName,
  firstName: s.firstName,
  patronymic: s.patronymic,
  sex: s.sex,
  birthDate: s.birthDate,
  subjectCode: s.subjectCode,
  document: s.document,
  snils: s.snils,
  enp: s.enp,
  journey: s.journey,
}));

/** Documents the generator must never issue to anyone else (`kind|series|number`). */
export const DEMO_RESERVED_DOCUMENTS: ReadonlySet<string> = new Set([
  ...SPECS.flatMap((s) => s.documents.map((d) => `${d.kind}|${d.series ?? ''}|${d.number}`)),
  ...[DEMO_NOT_REGISTERED, DEMO_NEW_APPLICANT].map(({ document: d }) => `${d.kind}|${d.series}|${d.number}`),
]);

/** The demo people as rows, dated for a register seeded as of `asOf`. */
export function demoRecords(asOf: string): PersonRecord[] {
  if (asOf < DEMO_EARLIEST_AS_OF) {
    throw new RangeError(
      `The demo people need a seeding date on or after ${DEMO_EARLIEST_AS_OF} (got ${asOf}).`,
    );
  }
  const year = Number(asOf.slice(0, 4));
  const asOfDay = epochDay(asOf);
  // "This year" dates never fall after the seeding date.
  const day = (d: Day): number =>
    Math.min(epochDay(typeof d === 'string' ? d : d(year)), typeof d === 'string' ? Infinity : asOfDay);
  return SPECS.map((s) => ({
    id: s.id,
    enp: s.enp,
    lastName: s.lastName,
    firstName: s.firstName,
    patronymic: s.patronymic,
    sex: s.sex,
    birthDay: epochDay(s.birthDate),
    birthPlace: s.birthPlace,
    citizenship: s.citizenship,
    snils: s.snils,
    category: s.category,
    deathDay: s.deathDate === null ? null : epochDay(s.deathDate),
    documents: s.documents.map((d) => ({
      kind: d.kind,
      series: d.series,
      number: d.number,
      issueDay: epochDay(d.issueDate),
      issuer: d.issuer,
      validToDay: d.validTo === null ? null : epochDay(d.validTo),
      current: d.current,
    })),
    coverages: s.coverages.map((c) => ({
      insurerCode: c.insurer,
      subjectCode: c.subject,
      status: c.status,
      reason: c.reason,
      form: c.form,
      fromDay: day(c.from),
      toDay: c.to === null ? null : day(c.to),
    })),
    attachments: s.attachments.map((a) => ({
      moCode: a.mo,
      fromDay: day(a.from),
      toDay: a.to === null ? null : day(a.to),
      reason: null,
    })),
    representatives:
      s.representedBy === null
        ? []
        : [
            {
              representativeId: s.representedBy,
              kind: 'parent' as const,
              fromDay: epochDay(s.birthDate),
              toDay: epochDay('2037-08-03'),
            },
          ],
    eventData: JSON.stringify({ demo: s.key }),
    history: historyOf(s.coverages, day),
  }));
}

/** The events a demo person's coverage periods imply, as the write path would have recorded them. */
function historyOf(coverages: DemoSpec['coverages'], day: (d: Day) => number): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  coverages.forEach((cur, i) => {
    const prev = coverages[i - 1];
    if (!prev) return;
    const at = day(cur.from);
    if (cur.subject !== prev.subject) {
      const data = { fromSubjectCode: prev.subject, insurerChanged: cur.insurer !== prev.insurer };
      events.push({ action: 'coverage.region_changed', effectiveDay: at, data: JSON.stringify(data) });
    } else if (cur.insurer !== prev.insurer) {
      events.push({
        action: 'coverage.insurer_changed',
        effectiveDay: at,
        data: JSON.stringify({ basis: 'annual' }),
      });
    } else if (cur.status !== prev.status) {
      const action =
        cur.status === 'suspended'
          ? 'coverage.suspended'
          : cur.status === 'terminated'
            ? 'coverage.terminated'
            : 'coverage.renewed';
      events.push({ action, effectiveDay: at, data: JSON.stringify({ reason: cur.reason }) });
    }
  });
  return events;
}
