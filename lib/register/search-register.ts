import { eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { readHandle } from './replica-reads';
import { persons } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { survivingPersonId } from '@/lib/auth/citizen-resolve';
import { requirePermission } from '@/lib/auth/permissions';
import { logAccesses } from '@/lib/audit/access-log';
import { parseDate, type LocalDate } from '@/lib/domain/dates';
import { normalizeDocument } from '@/lib/domain/ru/documents';
import { validateEnp } from '@/lib/domain/ru/enp';
import { IssueCollector } from '@/lib/domain/result';
import { validateSnils } from '@/lib/domain/ru/snils';
import { canonicalText, hasForbiddenCharacters } from '@/lib/domain/text';
import { AppError, fieldIssue } from '@/lib/errors';
import { staffScopeCondition } from './staff-scope';

/** What to search by: ФИО + birth date (tolerant), an identity document, an ЕНП or a СНИЛС. */
export type SearchQuery =
  | { kind: 'name'; fullName: string; birthDate: string; page?: number }
  | { kind: 'document'; documentKind: number; series?: string | null; number: string; page?: number }
  | { kind: 'enp'; enp: string; page?: number }
  | { kind: 'snils'; snils: string; page?: number };

export type SearchKind = SearchQuery['kind'];

/** Why a person is in the results. */
export type MatchReason =
  | { kind: 'name'; matchedName: string; former: boolean; similarity: number }
  | { kind: 'document'; current: boolean }
  | { kind: 'enp'; retiredEnp: string | null }
  | { kind: 'snils' };

export interface SearchHit {
  personId: number;
  enp: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  birthDate: LocalDate;
  deathDate: LocalDate | null;
  /** The latest believed coverage period, if any. */
  coverage: {
    insurerCode: string;
    insurerName: string;
    subjectCode: string;
    status: 'active' | 'suspended' | 'terminated';
    validTo: LocalDate | null;
  } | null;
  match: MatchReason;
}

export interface SearchResult {
  hits: SearchHit[];
  page: number;
  pageSize: number;
  hasMore: boolean;
}

export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_MAX_PAGE = 50;
/**
 * The least trigram similarity between the query's name and a name a person has been known by: high
 * enough that another person's name does not pass, low enough for a typo or two, ё/е and a missing
 * patronymic (ADR 0019; the integration tests hold both sides).
 */
export const NAME_SIMILARITY_THRESHOLD = 0.45;
const FULL_NAME_MAX = 200;

type Candidate = {
  person_id: string;
  score: number;
  matched_name: string | null;
  former: boolean;
  retired_enp: string | null;
};

/** The person-id candidates of a query (before scope), each with what matched, as SQL. */
type Plan = { candidates: SQL; kind: SearchKind };

/** The results page asked for (1 when none), or an issue under `page`. */
export function checkPage(c: IssueCollector, page: number | undefined): number {
  if (page === undefined) return 1;
  if (!Number.isInteger(page) || page < 1 || page > SEARCH_MAX_PAGE) {
    c.add(fieldIssue('page', 'VALIDATION_FAILED', `Номер страницы — от 1 до ${SEARCH_MAX_PAGE}.`));
  }
  return page;
}

/** Persons known (now or before) by a name like the query's, born on its birth date, with the score. */
export function nameCandidates(
  c: IssueCollector,
  query: Pick<Extract<SearchQuery, { kind: 'name' }>, 'fullName' | 'birthDate'>,
): SQL | null {
  const fullName = canonicalText(query.fullName).trim();
  if (fullName === '') c.add(fieldIssue('fullName', 'FIELD_REQUIRED', 'Укажите фамилию, имя и отчество.'));
  else if (fullName.length > FULL_NAME_MAX || hasForbiddenCharacters(fullName) || !/\p{L}{2}/u.test(fullName))
    c.add(fieldIssue('fullName', 'PERSON_NAME_INVALID'));
  const birthDate = query.birthDate.trim()
    ? c.take(parseDate('birthDate', query.birthDate))
    : c.add(fieldIssue('birthDate', 'FIELD_REQUIRED', 'Укажите дату рождения.'));
  if (c.issues.length || !birthDate) return null;
  // The birth date narrows to a few dozen rows (its index), the similarity is computed on those only.
  return sql`
    select distinct on (pn.person_id) pn.person_id, s.score, pn.full_name as matched_name,
           not pn.is_current as former, null::text as retired_enp
      from person_names pn
     cross join (select name_search_key(${fullName}) as key) q
     cross join lateral (select greatest(similarity(pn.search_key, q.key),
                                         word_similarity(q.key, pn.search_key)) as score) s
     where pn.birth_date = ${birthDate}::date and s.score >= ${NAME_SIMILARITY_THRESHOLD}
     order by pn.person_id, s.score desc, pn.is_current desc`;
}

function documentCandidates(
  c: IssueCollector,
  query: Extract<SearchQuery, { kind: 'document' }>,
): SQL | null {
  const doc = c.take(
    normalizeDocument(
      { kind: query.documentKind, series: query.series ?? null, number: query.number },
      { kind: 'documentKind', series: 'series', number: 'number' },
    ),
  );
  if (c.issues.length || !doc) return null;
  const series = doc.series === null ? sql`d.series is null` : sql`d.series = ${doc.series}`;
  return sql`
    select d.person_id, 1::float8 as score, null::text as matched_name, not d.is_current as former,
           null::text as retired_enp
      from identity_documents d
     where d.kind = ${doc.kind} and ${series} and d.number = ${doc.number}`;
}

async function enpCandidates(c: IssueCollector, query: Extract<SearchQuery, { kind: 'enp' }>, db: Executor) {
  const enp = c.take(validateEnp(query.enp, 'enp'));
  if (c.issues.length || !enp) return null;
  const [row] = await db
    .select({ id: persons.id, mergedIntoId: persons.mergedIntoId })
    .from(persons)
    .where(eq(persons.enp, enp));
  if (!row)
    return sql`select null::bigint as person_id, 0::float8 as score, null::text as matched_name,
    false as former, null::text as retired_enp where false`;
  // A retired ЕНП (its record merged into another) leads to the surviving record: one rule, citizen-resolve.
  const survivor = row.mergedIntoId == null ? row.id : await survivingPersonId(row.id);
  return sql`select ${survivor}::bigint as person_id, 1::float8 as score, null::text as matched_name,
    false as former, ${row.mergedIntoId == null ? null : enp}::text as retired_enp where ${survivor}::bigint is not null`;
}

function snilsCandidates(c: IssueCollector, query: Extract<SearchQuery, { kind: 'snils' }>): SQL | null {
  const snils = c.take(validateSnils(query.snils, 'snils'));
  if (c.issues.length || !snils) return null;
  return sql`select p.id as person_id, 1::float8 as score, null::text as matched_name, false as former,
    null::text as retired_enp from persons p where p.snils = ${snils}`;
}

async function plan(c: IssueCollector, query: SearchQuery, db: Executor): Promise<Plan | null> {
  switch (query.kind) {
    case 'name': {
      const candidates = nameCandidates(c, query);
      return candidates && { candidates, kind: query.kind };
    }
    case 'document': {
      const candidates = documentCandidates(c, query);
      return candidates && { candidates, kind: query.kind };
    }
    case 'enp': {
      const candidates = await enpCandidates(c, query, db);
      return candidates && { candidates, kind: query.kind };
    }
    case 'snils': {
      const candidates = snilsCandidates(c, query);
      return candidates && { candidates, kind: query.kind };
    }
    default:
      c.add(fieldIssue('kind', 'VALIDATION_FAILED', 'Выберите, по каким данным искать.'));
      return null;
  }
}

type HitRow = Candidate & {
  enp: string;
  last_name: string;
  first_name: string;
  patronymic: string | null;
  birth_date: string;
  death_date: string | null;
  insurer_code: string | null;
  insurer_name: string | null;
  subject_code: string | null;
  status: 'active' | 'suspended' | 'terminated' | null;
  valid_to: string | null;
};

function matchOf(kind: SearchKind, row: HitRow): MatchReason {
  switch (kind) {
    case 'name':
      return {
        kind: 'name',
        matchedName: row.matched_name ?? '',
        former: row.former,
        similarity: Math.round(Number(row.score) * 100) / 100,
      };
    case 'document':
      return { kind: 'document', current: !row.former };
    case 'enp':
      return { kind: 'enp', retiredEnp: row.retired_enp };
    case 'snils':
      return { kind: 'snils' };
  }
}

function toHit(kind: SearchKind, row: HitRow): SearchHit {
  return {
    personId: Number(row.person_id),
    enp: row.enp,
    lastName: row.last_name,
    firstName: row.first_name,
    patronymic: row.patronymic,
    birthDate: row.birth_date as LocalDate,
    deathDate: row.death_date as LocalDate | null,
    coverage:
      row.insurer_code && row.subject_code && row.status
        ? {
            insurerCode: row.insurer_code,
            insurerName: row.insurer_name ?? row.insurer_code,
            subjectCode: row.subject_code,
            status: row.status,
            validTo: row.valid_to as LocalDate | null,
          }
        : null,
    match: matchOf(kind, row),
  };
}

/**
 * The console's register search. Staff only (permission first, before the query is even checked); the
 * results hold only persons in the actor's scope (their region, their insurer; the federal fund: all),
 * merged duplicates excluded (a retired ЕНП leads to the survivor). Every person shown is written to the
 * access log with the match that showed them; a search that showed nobody is logged too.
 */
export async function searchRegister(actor: Actor, query: SearchQuery): Promise<SearchResult> {
  requirePermission(actor, 'register:search');
  const c = new IssueCollector();
  const page = checkPage(c, query.page);
  // A replica may answer the search (ADR 0026); the access-log rows go to the primary.
  const db = readHandle('console_search', actor);
  const planned = await plan(c, query, db);
  if (c.issues.length || !planned) throw AppError.validation(c.issues);

  const scope = staffScopeCondition(actor, {
    subject: sql`cov.subject_code`,
    insurer: sql`cov.insurer_code`,
  });
  const { rows } = await db.execute<HitRow>(sql`
    with hits as (${planned.candidates})
    select h.*, p.enp, p.last_name, p.first_name, p.patronymic, p.birth_date::text, p.death_date::text,
           cov.insurer_code, i.name_short as insurer_name, cov.subject_code, cov.status, cov.valid_to::text
      from hits h
      join persons p on p.id = h.person_id
      left join lateral (
        select c.insurer_code, c.subject_code, c.status, c.valid_to from coverages c
         where c.person_id = p.id and c.recorded_to is null order by c.valid_from desc limit 1) cov on true
      left join insurers i on i.code = cov.insurer_code
     where p.merged_into_id is null and ${scope}
     order by h.score desc, p.last_name, p.first_name, p.id
     limit ${SEARCH_PAGE_SIZE + 1} offset ${(page - 1) * SEARCH_PAGE_SIZE}`);
  const hits = rows.slice(0, SEARCH_PAGE_SIZE).map((row) => toHit(planned.kind, row));

  await logSearch(actor, planned.kind, page, hits, SHOWN_IN_RESULTS);
  return { hits, page, pageSize: SEARCH_PAGE_SIZE, hasMore: rows.length > SEARCH_PAGE_SIZE };
}

/**
 * A console search's reads, in the access log: every person shown with the match that showed them and what
 * a row tells about them (one insert); a search that showed nobody as one `not_found` entry.
 */
export async function logSearch(
  actor: Actor,
  by: string,
  page: number,
  hits: readonly { personId: number; match: unknown }[],
  shown: readonly string[],
): Promise<void> {
  await logAccesses(
    hits.length
      ? hits.map((hit) => ({
          actor,
          channel: 'console' as const,
          personId: hit.personId,
          purpose: 'register_search',
          result: 'found',
          details: JSON.stringify({ by, match: hit.match, shown }),
        }))
      : [
          {
            actor,
            channel: 'console' as const,
            personId: null,
            purpose: 'register_search',
            result: 'not_found',
            details: JSON.stringify({ by, page }),
          },
        ],
  );
}

/** What a result row tells the caller about a person (written to the access log with each row). */
const SHOWN_IN_RESULTS = ['enp', 'fullName', 'birthDate', 'deathDate', 'coverage'] as const;
