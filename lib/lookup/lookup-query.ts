import { parseDate, type LocalDate } from '@/lib/domain/dates';
import { normalizeDocument, type DocumentKindCode } from '@/lib/domain/ru/documents';
import { enpWarnings, validateEnp } from '@/lib/domain/ru/enp';
import { validateSnils } from '@/lib/domain/ru/snils';
import { AppError, fieldIssue, type FieldIssue } from '@/lib/errors';
import { IssueCollector } from '@/lib/domain/result';

/** A lookup as it arrives from any channel: strings from a query string, a form or a FHIR search. */
export interface LookupInput {
  docType?: string | number | null;
  series?: string | null;
  number?: string | null;
  enp?: string | null;
  snils?: string | null;
  birthDate?: string | null;
  onDate?: string | null;
}

export type LookupQuery =
  | {
      by: 'document';
      kind: DocumentKindCode;
      series: string | null;
      number: string;
      birthDate: LocalDate;
      onDate: LocalDate;
    }
  | {
      by: 'enp';
      enp: string;
      /** Given beside the ЕНП, it must match too: otherwise nobody is found (ADR 0014). */
      birthDate?: LocalDate;
      onDate: LocalDate;
      /** What is worth telling the caller without refusing (an ЕНП prefix not in today's directory). */
      warnings?: FieldIssue[];
    }
  | { by: 'snils'; snils: string; birthDate: LocalDate; onDate: LocalDate };

/** Names people and systems use for the common F011 kinds, besides the numeric code. */
const DOC_TYPE_ALIASES: Record<string, number> = {
  passport: 14,
  'birth-certificate': 3,
  birth_certificate: 3,
  'foreign-birth-certificate': 24,
  'foreign-passport': 9,
  'residence-permit': 11,
  'temporary-residence-permit': 23,
  'refugee-certificate': 12,
  'temporary-asylum': 25,
  'temporary-identity-card': 13,
};

const present = (v: string | number | null | undefined): boolean => v != null && String(v).trim() !== '';

/**
 * Validates a lookup: exactly one way to find the person; a document or СНИЛС only together with the
 * birth date (guards against enumerating the register by trying numbers); every invalid field named. A
 * birth date given beside an ЕНП is kept and must match as well (ADR 0014: identifier AND birth date).
 */
export function parseLookupQuery(input: LookupInput, today: LocalDate): LookupQuery {
  const c = new IssueCollector();
  const byDocument = present(input.docType) || present(input.series) || present(input.number);
  const byEnp = present(input.enp);
  const bySnils = present(input.snils);
  const ways = [byDocument, byEnp, bySnils].filter(Boolean).length;
  if (ways !== 1) {
    throw AppError.validation([
      fieldIssue(
        'query',
        ways === 0 ? 'FIELD_REQUIRED' : 'VALIDATION_FAILED',
        ways === 0
          ? 'Укажите документ с датой рождения, ЕНП или СНИЛС с датой рождения.'
          : 'Укажите один способ поиска: документ, ЕНП или СНИЛС.',
      ),
    ]);
  }
  const onDate = present(input.onDate) ? c.take(parseDate('onDate', String(input.onDate))) : today;
  const birthDate = present(input.birthDate)
    ? c.take(parseDate('birthDate', String(input.birthDate)))
    : undefined;
  if ((byDocument || bySnils) && !present(input.birthDate)) {
    c.add(
      fieldIssue(
        'birthDate',
        'FIELD_REQUIRED',
        byDocument
          ? 'Поиск по документу возможен только вместе с датой рождения.'
          : 'Поиск по СНИЛС возможен только вместе с датой рождения.',
      ),
    );
  }
  if (byEnp) {
    const enp = c.take(validateEnp(String(input.enp)));
    if (!enp || !onDate || c.issues.length) throw AppError.validation(c.issues);
    const warnings = enpWarnings(enp);
    return {
      by: 'enp',
      enp,
      onDate,
      ...(birthDate ? { birthDate } : {}),
      ...(warnings.length ? { warnings } : {}),
    };
  }
  if (bySnils) {
    const snils = c.take(validateSnils(String(input.snils)));
    if (!snils || !onDate || !birthDate || c.issues.length) throw AppError.validation(c.issues);
    return { by: 'snils', snils, birthDate, onDate };
  }
  const rawKind = String(input.docType ?? '')
    .trim()
    .toLowerCase();
  const kind = DOC_TYPE_ALIASES[rawKind] ?? (/^\d{1,3}$/.test(rawKind) ? Number(rawKind) : Number.NaN);
  if (!present(input.docType)) c.add(fieldIssue('docType', 'FIELD_REQUIRED', 'Укажите вид документа.'));
  const doc = c.take(
    normalizeDocument(
      {
        kind: Number.isNaN(kind) ? -1 : kind,
        series: input.series ?? null,
        number: String(input.number ?? ''),
      },
      { kind: 'docType', series: 'series', number: 'number' },
    ),
  );
  if (!doc || !onDate || !birthDate || c.issues.length) {
    // Two issues for one field (e.g. docType missing and unknown) read as one to a person.
    const seen = new Set<string>();
    throw AppError.validation(c.issues.filter((i) => !seen.has(i.field) && seen.add(i.field)));
  }
  return { by: 'document', kind: doc.kind, series: doc.series, number: doc.number, birthDate, onDate };
}

/** The cache key of a lookup for the last-known state: the person's identifiers, not the date. */
export function lookupKey(q: LookupQuery): string {
  switch (q.by) {
    case 'document':
      return `doc|${q.kind}|${q.series ?? ''}|${q.number}|${q.birthDate}`;
    case 'enp':
      return `enp|${q.enp}|${q.birthDate ?? ''}`;
    case 'snils':
      return `snils|${q.snils}|${q.birthDate}`;
  }
}

/** The warnings a lookup's answer carries, whatever it found (empty when there is nothing to say). */
export function lookupWarnings(q: LookupQuery): FieldIssue[] {
  return q.by === 'enp' ? (q.warnings ?? []) : [];
}
