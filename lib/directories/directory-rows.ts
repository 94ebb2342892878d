import { parseDate, compareDates, type LocalDate } from '@/lib/domain/dates';
import { isValidLegalInn, isValidOgrn } from '@/lib/domain/ru/legal-ids';
import { canonicalText, hasForbiddenCharacters } from '@/lib/domain/text';
import type { DirectoryKind, RawRecord } from './read-directory-file';

export interface RowIssue {
  /** The record's number in the file (data rows from 1; for CSV the line is row + 1). */
  row: number;
  /** The field as named in the file. */
  field: string;
  message: string;
}

interface Common {
  code: string;
  subjectCode: string;
  nameFull: string;
  nameShort: string;
  ogrn: string;
  address: string;
  activeFrom: LocalDate;
  activeTo: LocalDate | null;
}
export interface InsurerRow extends Common {
  inn: string;
  phone: string;
  hotLine: string | null;
  email: string | null;
  website: string | null;
}
export interface MedicalOrganisationRow extends Common {
  phone: string | null;
  primaryCare: boolean;
}
/** A subject of the RF as F010 gives it: the ФФОМС territory code, its ОКАТО and its name. */
export interface SubjectRow {
  code: string;
  okato: string;
  nameRu: string;
}
export type DirectoryRow<K extends DirectoryKind> = K extends 'insurers'
  ? InsurerRow
  : K extends 'medical_organisations'
    ? MedicalOrganisationRow
    : SubjectRow;

/** The name a report shows for a row. */
export function rowName(row: DirectoryRow<DirectoryKind>): string {
  return 'nameShort' in row ? row.nameShort : row.nameRu;
}

/** Field names of each file kind, as in F002 / F003 / F010 (lower-cased): the CSV header and the XML elements. */
export const DIRECTORY_FIELDS = {
  insurers: {
    code: 'smocod',
    nameFull: 'nam_smop',
    nameShort: 'nam_smok',
    required: ['tf_okato', 'smocod', 'nam_smop', 'nam_smok', 'inn', 'ogrn', 'addr_f', 'phone', 'd_begin'],
    all: [
      'tf_okato',
      'smocod',
      'nam_smop',
      'nam_smok',
      'inn',
      'ogrn',
      'addr_f',
      'phone',
      'hot_line',
      'e_mail',
      'www',
      'd_begin',
      'd_end',
    ],
  },
  medical_organisations: {
    code: 'mcod',
    nameFull: 'nam_mop',
    nameShort: 'nam_mok',
    required: ['tf_okato', 'mcod', 'nam_mop', 'nam_mok', 'ogrn', 'addr_f', 'd_begin'],
    all: ['tf_okato', 'mcod', 'nam_mop', 'nam_mok', 'ogrn', 'addr_f', 'phone', 'pmsp', 'd_begin', 'd_end'],
  },
  subjects: {
    code: 'kod_tf',
    required: ['kod_tf', 'kod_okato', 'subname'],
    all: ['kod_tf', 'kod_okato', 'subname'],
  },
} as const;

const MAX_TEXT = 500;

class RowReader {
  readonly issues: RowIssue[] = [];
  constructor(private readonly record: RawRecord) {}

  reject(field: string, message: string): null {
    this.issues.push({ row: this.record.row, field, message });
    return null;
  }

  text(field: string, required: boolean, max = MAX_TEXT): string | null {
    const raw = this.record.fields[field] ?? '';
    if (hasForbiddenCharacters(raw)) return this.reject(field, 'Недопустимые (управляющие) символы.');
    const value = canonicalText(raw);
    if (!value) return required ? this.reject(field, 'Поле не заполнено.') : null;
    if (value.length > max) return this.reject(field, `Длиннее ${max} знаков.`);
    return value;
  }

  matching(field: string, pattern: RegExp, message: string, required = true): string | null {
    const value = this.text(field, required);
    if (value === null) return null;
    return pattern.test(value) ? value : this.reject(field, message);
  }

  date(field: string, required: boolean): LocalDate | null {
    const value = this.text(field, required, 10);
    if (value === null) return null;
    const d = parseDate(field, value);
    return d.ok ? d.value : this.reject(field, 'Дата в виде ДД.ММ.ГГГГ или ГГГГ-ММ-ДД.');
  }
}

/** An F010 record: the subject's two-digit code, its five-digit ОКАТО and its name. */
function checkSubject(r: RowReader): { row: SubjectRow | null; issues: RowIssue[] } {
  const code = r.matching('kod_tf', /^\d{2}$/, 'Код субъекта — 2 цифры.');
  const okato = r.matching('kod_okato', /^\d{5}$/, 'Код ОКАТО территории — 5 цифр.');
  const nameRu = r.text('subname', true, 250);
  if (r.issues.length > 0 || code === null || okato === null || nameRu === null)
    return { row: null, issues: r.issues };
  return { row: { code, okato, nameRu }, issues: [] };
}

/**
 * Checks one record of a directory file and turns it into a directory row, or names every wrong field.
 * `subjectsByOkato` maps the file's territorial code (tf_okato) to the register's subject code.
 */
export function checkDirectoryRecord<K extends DirectoryKind>(
  kind: K,
  record: RawRecord,
  subjectsByOkato: ReadonlyMap<string, string>,
): { row: DirectoryRow<K> | null; issues: RowIssue[] } {
  const r = new RowReader(record);
  if (record.fields.__cells !== undefined) {
    r.issues.push({
      row: record.row,
      field: '—',
      message: `Число полей в строке (${record.fields.__cells}) не совпадает с заголовком.`,
    });
    return { row: null, issues: r.issues };
  }
  if (kind === 'subjects') return checkSubject(r) as { row: DirectoryRow<K> | null; issues: RowIssue[] };
  const names = kind === 'insurers' ? DIRECTORY_FIELDS.insurers : DIRECTORY_FIELDS.medical_organisations;
  const okato = r.matching('tf_okato', /^\d{5}$/, 'Код ОКАТО территории — 5 цифр.');
  const subjectCode = okato === null ? null : (subjectsByOkato.get(okato) ?? null);
  if (okato !== null && subjectCode === null)
    r.issues.push({ row: record.row, field: 'tf_okato', message: `Неизвестный код территории ${okato}.` });
  const codeLength = kind === 'insurers' ? 5 : 6;
  const code = r.matching(names.code, new RegExp(`^\\d{${codeLength}}$`), `Код — ${codeLength} цифр.`);
  if (code !== null && subjectCode !== null && !code.startsWith(subjectCode)) {
    r.issues.push({
      row: record.row,
      field: names.code,
      message: `Код должен начинаться с кода субъекта ${subjectCode} (территория ${okato}).`,
    });
  }
  const nameFull = r.text(names.nameFull, true);
  const nameShort = r.text(names.nameShort, true, 250);
  const ogrnText = r.text('ogrn', true, 13);
  const ogrn =
    ogrnText === null
      ? null
      : isValidOgrn(ogrnText)
        ? ogrnText
        : r.reject('ogrn', 'ОГРН — 13 цифр с верным контрольным разрядом.');
  const address = r.text('addr_f', true);
  const activeFrom = r.date('d_begin', true);
  const activeTo = r.date('d_end', false);
  if (activeFrom && activeTo && compareDates(activeTo, activeFrom) < 0) {
    r.issues.push({ row: record.row, field: 'd_end', message: 'Дата окончания раньше даты начала.' });
  }
  const common = { code, subjectCode, nameFull, nameShort, ogrn, address, activeFrom };
  if (kind === 'insurers') {
    const innText = r.text('inn', true, 10);
    const inn =
      innText === null
        ? null
        : isValidLegalInn(innText)
          ? innText
          : r.reject('inn', 'ИНН организации — 10 цифр с верным контрольным разрядом.');
    const phone = r.text('phone', true, 32);
    const hotLine = r.text('hot_line', false, 32);
    const email = r.matching(
      'e_mail',
      /^[^@\s]+@[^@\s]+\.[^@\s]+$/,
      'Адрес электронной почты вида name@example.ru.',
      false,
    );
    const website = r.text('www', false, 128);
    if (r.issues.length > 0 || Object.values(common).includes(null) || inn === null || phone === null) {
      return { row: null, issues: r.issues };
    }
    const row: InsurerRow = {
      ...(common as Omit<Common, 'activeTo'>),
      activeTo,
      inn,
      phone,
      hotLine,
      email,
      website,
    };
    return { row: row as DirectoryRow<K>, issues: [] };
  }
  const phone = r.text('phone', false, 32);
  const pmsp = r.matching('pmsp', /^[01]$/, 'Признак первичной помощи — 1 или 0.', false);
  if (r.issues.length > 0 || Object.values(common).includes(null)) return { row: null, issues: r.issues };
  const row: MedicalOrganisationRow = {
    ...(common as Omit<Common, 'activeTo'>),
    activeTo,
    phone,
    primaryCare: pmsp !== '0',
  };
  return { row: row as DirectoryRow<K>, issues: [] };
}
