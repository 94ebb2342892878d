import { MOSCOW_TIME_ZONE } from '@/config/time-zone';
import { innFrom, ogrnFrom } from './legal-ids';

/**
 * Realistic fixture directories of insurers (F002-like) and medical organisations (F003-like). The real
 * F002/F003 are imported by administrators; these give every region a plausible market so the register,
 * the demo and the benchmarks have something to choose from. Deterministic: the same rows every time.
 */

interface Brand {
  key: string;
  nameFull: string;
  nameShort: string;
  hotLine: string;
  website: string;
}

const BRANDS: readonly Brand[] = [
  {
    key: 'sogaz',
    nameFull: 'Акционерное общество «Страховая компания «СОГАЗ-Мед»',
    nameShort: 'СОГАЗ-Мед',
    hotLine: '8-800-100-07-02',
    website: 'sogaz-med.ru',
  },
  {
    key: 'kapital',
    nameFull: 'Общество с ограниченной ответственностью «Капитал Медицинское Страхование»',
    nameShort: 'Капитал МС',
    hotLine: '8-800-100-81-02',
    website: 'kapmed.ru',
  },
  {
    key: 'maks',
    nameFull: 'Акционерное общество «Медицинская акционерная страховая компания»',
    nameShort: 'МАКС-М',
    hotLine: '8-800-333-05-03',
    website: 'makcm.ru',
  },
  {
    key: 'ingos',
    nameFull: 'Общество с ограниченной ответственностью «Страховая компания «Ингосстрах-М»',
    nameShort: 'Ингосстрах-М',
    hotLine: '8-800-600-24-27',
    website: 'ingos-m.ru',
  },
  {
    key: 'reso',
    nameFull: 'Общество с ограниченной ответственностью «Страховая медицинская компания РЕСО-Мед»',
    nameShort: 'РЕСО-Мед',
    hotLine: '8-800-200-92-04',
    website: 'reso-med.com',
  },
  {
    key: 'alfa',
    nameFull: 'Общество с ограниченной ответственностью «АльфаСтрахование-ОМС»',
    nameShort: 'АльфаСтрахование-ОМС',
    hotLine: '8-800-555-10-01',
    website: 'alfastrahoms.ru',
  },
  {
    key: 'panacea',
    nameFull: 'Общество с ограниченной ответственностью Медицинская страховая организация «Панацея»',
    nameShort: 'МСО «Панацея»',
    hotLine: '8-800-100-38-01',
    website: 'mco-panacea.ru',
  },
];

export interface SubjectRow {
  code: string;
  nameRu: string;
}

export interface InsurerFixture {
  code: string;
  subjectCode: string;
  nameFull: string;
  nameShort: string;
  ogrn: string;
  inn: string;
  address: string;
  phone: string;
  hotLine: string;
  email: string;
  website: string;
  activeFrom: string;
  activeTo: string | null;
  servedFrom: string;
  servedTo: string | null;
}

export interface MedicalOrganisationFixture {
  code: string;
  subjectCode: string;
  nameFull: string;
  nameShort: string;
  ogrn: string;
  address: string;
  phone: string;
  primaryCare: boolean;
  activeFrom: string;
  activeTo: string | null;
}

const STREETS = ['ул. Ленина', 'ул. Советская', 'пр-т Мира', 'ул. Гагарина', 'ул. Садовая', 'ул. Пушкина'];

/** Subjects whose market has four insurers instead of three (the largest regions). */
const LARGE = new Set(['77', '50', '78', '23', '66', '61', '02', '16', '52', '54', '63', '74']);

/**
 * One branch in a fixture region (Moscow's last) stops working there at the end of the year the directories
 * are loaded in (Moscow time), so "the insurer leaves the region" is a live story in every new register,
 * whatever the year. A fixed date would turn it into "the insurer has left" once that date passed.
 */
export function leavingInsurerTo(loadedAt: Date): string {
  const year = new Intl.DateTimeFormat('en', { timeZone: MOSCOW_TIME_ZONE, year: 'numeric' }).format(
    loadedAt,
  );
  return `${year}-12-31`;
}

function regionPhone(subjectCode: string, n: number): string {
  const area = (300 + Number(subjectCode) * 7) % 900;
  return `+7 (${String(area + 100).slice(0, 3)}) ${String(200 + n * 37).slice(0, 3)}-${String(10 + n).padStart(2, '0')}-${String(40 + n).padStart(2, '0')}`;
}

export function insurerFixtures(
  subjectRows: readonly SubjectRow[],
  loadedAt: Date = new Date(),
): InsurerFixture[] {
  const leavingTo = leavingInsurerTo(loadedAt);
  const out: InsurerFixture[] = [];
  for (const s of subjectRows) {
    const n = Number(s.code);
    const count = LARGE.has(s.code) ? 4 : 3;
    for (let i = 0; i < count; i++) {
      const brand = BRANDS[(n + i * 2) % BRANDS.length]!;
      const branch = String(i + 1).padStart(3, '0');
      const code = `${s.code}${branch}`;
      const leaving = s.code === '77' && i === count - 1;
      out.push({
        code,
        subjectCode: s.code,
        nameFull: `${brand.nameFull}, филиал в регионе «${s.nameRu}»`,
        nameShort: brand.nameShort,
        ogrn: ogrnFrom(`10${s.code}${String(70000000 + n * 100 + i).slice(0, 8)}`),
        inn: innFrom(`7${s.code}${String(100000 + n * 10 + i).slice(0, 6)}`),
        address: `${s.nameRu}, ${STREETS[i % STREETS.length]}, д. ${10 + i * 3}`,
        phone: regionPhone(s.code, i),
        hotLine: brand.hotLine,
        email: `oms${s.code}@${brand.website}`,
        website: brand.website,
        activeFrom: '2011-01-01',
        activeTo: null,
        servedFrom: '2011-01-01',
        servedTo: leaving ? leavingTo : null,
      });
    }
  }
  return out;
}

export function medicalOrganisationFixtures(
  subjectRows: readonly SubjectRow[],
): MedicalOrganisationFixture[] {
  const out: MedicalOrganisationFixture[] = [];
  for (const s of subjectRows) {
    const n = Number(s.code);
    const adults = LARGE.has(s.code) ? 8 : 5;
    const kinds: { full: string; short: string; primary: boolean }[] = [];
    for (let i = 1; i <= adults; i++) {
      kinds.push({
        full: `Государственное бюджетное учреждение здравоохранения «Городская поликлиника № ${i}»`,
        short: `ГБУЗ «ГП № ${i}»`,
        primary: true,
      });
    }
    for (let i = 1; i <= 2; i++) {
      kinds.push({
        full: `Государственное бюджетное учреждение здравоохранения «Детская городская поликлиника № ${i}»`,
        short: `ГБУЗ «ДГП № ${i}»`,
        primary: true,
      });
    }
    kinds.push({
      full: 'Государственное бюджетное учреждение здравоохранения «Областная клиническая больница»',
      short: 'ГБУЗ «ОКБ»',
      primary: false,
    });
    kinds.forEach((k, i) => {
      out.push({
        code: `${s.code}${String(i + 1).padStart(4, '0')}`,
        subjectCode: s.code,
        nameFull: k.full,
        nameShort: k.short,
        ogrn: ogrnFrom(`11${s.code}${String(50000000 + n * 100 + i).slice(0, 8)}`),
        address: `${s.nameRu}, ${STREETS[(i + n) % STREETS.length]}, д. ${1 + ((i * 7 + n) % 90)}`,
        phone: regionPhone(s.code, 10 + i),
        primaryCare: k.primary,
        activeFrom: '2000-01-01',
        activeTo: null,
      });
    });
  }
  return out;
}
