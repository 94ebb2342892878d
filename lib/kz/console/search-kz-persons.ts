import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '@/lib/auth/actor';
import { can, requirePermission } from '@/lib/auth/permissions';
import type { LocalDate } from '@/lib/domain/dates';
import { validateIin } from '@/lib/domain/kz/iin';
import { IssueCollector } from '@/lib/domain/result';
import { AppError, fieldIssue } from '@/lib/errors';
import { kzPersonIdOfIin } from '@/lib/kz/persons/find-kz-person';
import { readHandle } from '@/lib/register/replica-reads';
import { checkPage, logSearch, nameCandidates, SEARCH_PAGE_SIZE } from '@/lib/register/search-register';

/** What the fund's console searches ОСМС persons by: the ИИН, or ФИО with the birth date (tolerant). */
export type KzSearchQuery =
  | { kind: 'iin'; iin: string; page?: number }
  | { kind: 'name'; fullName: string; birthDate: string; page?: number };

export type KzMatch =
  { kind: 'iin' } | { kind: 'name'; matchedName: string; former: boolean; similarity: number };

export interface KzSearchHit {
  personId: number;
  iin: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  birthDate: LocalDate;
  deathDate: LocalDate | null;
  match: KzMatch;
}

export interface KzSearchResult {
  hits: KzSearchHit[];
  page: number;
  hasMore: boolean;
}

/** What a result row tells the employee about a person (written to the access log with each row). */
const SHOWN_IN_RESULTS = ['iin', 'fullName', 'birthDate', 'deathDate'] as const;

function candidates(c: IssueCollector, query: KzSearchQuery): SQL | null {
  if (query.kind === 'name') return nameCandidates(c, query);
  if (query.kind !== 'iin') {
    c.add(fieldIssue('kind', 'VALIDATION_FAILED', 'Выберите, по каким данным искать.'));
    return null;
  }
  const decoded = c.take(validateIin(query.iin, 'iin'));
  if (!decoded) return null;
  // The one ИИН rule: a merged duplicate's ИИН finds the surviving record.
  return sql`select ${kzPersonIdOfIin(sql`${decoded.iin}`)} as person_id, 1::float8 as score,
               null::text as matched_name, false as former`;
}

type HitRow = {
  person_id: string;
  score: number;
  matched_name: string | null;
  former: boolean;
  iin: string;
  last_name: string;
  first_name: string;
  patronymic: string | null;
  birth_date: string;
  death_date: string | null;
};

function toHit(kind: KzSearchQuery['kind'], row: HitRow): KzSearchHit {
  return {
    personId: Number(row.person_id),
    iin: row.iin,
    lastName: row.last_name,
    firstName: row.first_name,
    patronymic: row.patronymic,
    birthDate: row.birth_date as LocalDate,
    deathDate: row.death_date as LocalDate | null,
    match:
      kind === 'iin'
        ? { kind: 'iin' }
        : {
            kind: 'name',
            matchedName: row.matched_name ?? '',
            former: row.former,
            similarity: Math.round(Number(row.score) * 100) / 100,
          },
  };
}

/**
 * The fund's console search in a Kazakh register (ADR 0034): by ИИН (checked, check digit included, every
 * failed check named under `iin`), or by ФИО and birth date through the register's common name index
 * (person_names, the same tolerance as the Russian search). Staff only, permission first. A Kazakh person
 * has no region or insurer to scope by: whoever may read persons at large (the fund's administrator) finds
 * anyone, anyone else (a regional operator) nobody — the same answer the card would give them. Every person shown is written to the access log with the match that showed
 * them; a search that showed nobody is logged too.
 */
export async function searchKzPersons(actor: Actor, query: KzSearchQuery): Promise<KzSearchResult> {
  requirePermission(actor, 'register:search');
  const c = new IssueCollector();
  const page = checkPage(c, query.page);
  const found = candidates(c, query);
  if (c.issues.length || !found) throw AppError.validation(c.issues);
  const db = readHandle('console_search', actor);
  const { rows } = await db.execute<HitRow>(sql`
    with hits as (${found})
    select h.*, p.iin, p.last_name, p.first_name, p.patronymic, p.birth_date::text, p.death_date::text
      from hits h
      join persons p on p.id = h.person_id
     where p.merged_into_id is null and p.jurisdiction = 'kz' and ${can(actor, 'person:read')}
     order by h.score desc, p.last_name, p.first_name, p.id
     limit ${SEARCH_PAGE_SIZE + 1} offset ${(page - 1) * SEARCH_PAGE_SIZE}`);
  const hits = rows.slice(0, SEARCH_PAGE_SIZE).map((row) => toHit(query.kind, row));
  await logSearch(actor, query.kind, page, hits, SHOWN_IN_RESULTS);
  return { hits, page, hasMore: rows.length > SEARCH_PAGE_SIZE };
}
