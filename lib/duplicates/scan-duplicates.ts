import { sql } from 'drizzle-orm';
import { getDb, type Executor } from '@/db/client';
import { CANDIDATE_THRESHOLD, orderedPair, scoreDuplicate } from '@/lib/domain/ru/duplicates';
import { loadSubjects } from './duplicate-subjects';

/**
 * The whole-register duplicate scan (issue 13, ADR 0023). SQL does the heavy lifting: it walks the
 * register by birth date in slices and, inside a slice, pairs only people born the same day (blocking),
 * keeping pairs whose names are alike by pg_trgm similarity of h-card's search key (every name a person
 * had, so an earlier surname is compared too), have first and last name swapped, or share first name and
 * patronymic (a changed surname). People born the same day with the same document number of the same kind
 * are paired over the whole register (their names may differ). The few pairs left are scored by the pure rules (lib/domain/ru/duplicates.ts) and
 * those from the candidate threshold on are upserted: a pair already decided (merged, not a duplicate)
 * keeps its decision. Each slice commits with the scan's progress, so a retried job resumes after the
 * last slice done; re-running over done slices changes nothing (the upsert is idempotent).
 */

export interface ScanOutcome {
  scanId: number;
  slices: number;
  pairsExamined: number;
  candidatesFound: number;
}

/** Name-similarity cut-off of the SQL prefilter (the rules decide; this only keeps the pairs worth scoring). */
const TRIGRAM_PREFILTER = 0.45;
const FIRST_SLICE = '1900-01-01';
const SLICE_MONTHS = 12;

/** Pairs of people born on the same day within [from, to) whose names make them worth scoring. */
function sameBirthDatePairs(from: string, to: string) {
  return sql`
    with n as (
      select pn.person_id as id, pn.birth_date as bd, pn.search_key as k,
             split_part(pn.search_key, ' ', 1) as l, split_part(pn.search_key, ' ', 2) as f,
             split_part(pn.search_key, ' ', 3) as pt
        from person_names pn join persons p on p.id = pn.person_id
       where p.merged_into_id is null and pn.birth_date >= ${from}::date and pn.birth_date < ${to}::date
    )
    select distinct a.id as a, b.id as b
      from n a join n b on a.bd = b.bd and a.id < b.id
     where similarity(a.k, b.k) >= ${TRIGRAM_PREFILTER}
        or (a.l = b.f and a.f = b.l)
        or (a.f = b.f and a.pt = b.pt and a.pt <> '')`;
}

/**
 * Pairs born the same day holding documents of one kind with the same number (the series differs: equal
 * ones are unique). The birth date is part of the join key: a number alone repeats across series by the
 * thousand, so joining on it first would pair millions.
 */
const SAME_DOCUMENT_NUMBER_PAIRS = sql`
  with d as (
    select d.person_id, d.kind, d.number, p.birth_date
      from identity_documents d join persons p on p.id = d.person_id and p.merged_into_id is null
  )
  select distinct d1.person_id as a, d2.person_id as b
    from d d1
    join d d2 on d2.kind = d1.kind and d2.number = d1.number and d2.birth_date = d1.birth_date
             and d2.person_id > d1.person_id`;

/** Scores pairs and upserts those from the candidate threshold on; returns how many it stored. */
export async function scorePairs(db: Executor, pairs: readonly [number, number][]): Promise<number> {
  if (pairs.length === 0) return 0;
  const subjects = await loadSubjects(db, [...new Set(pairs.flat())]);
  const found: { a: number; b: number; score: number; reasons: string[] }[] = [];
  for (const [x, y] of pairs) {
    const sx = subjects.get(x);
    const sy = subjects.get(y);
    if (!sx || !sy) continue;
    const { score, reasons } = scoreDuplicate(sx, sy);
    const [a, b] = orderedPair(x, y);
    if (score >= CANDIDATE_THRESHOLD) found.push({ a, b, score, reasons });
  }
  if (found.length === 0) return 0;
  await db.execute(sql`
    insert into duplicate_candidates (person_a_id, person_b_id, score, reasons)
    select x.a, x.b, x.score, x.reasons
      from jsonb_to_recordset(${JSON.stringify(found)}::jsonb) as x(a bigint, b bigint, score smallint, reasons text[])
    on conflict (person_a_id, person_b_id) do update
      set score = excluded.score, reasons = excluded.reasons
      where duplicate_candidates.status = 'open'`);
  return found.length;
}

async function pairsOf(db: Executor, query: ReturnType<typeof sql>): Promise<[number, number][]> {
  const { rows } = await db.execute<{ a: string; b: string }>(query);
  return rows.map((r) => [Number(r.a), Number(r.b)]);
}

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/**
 * Runs (or resumes) the scan. `until` is the end of the birth-date range (exclusive; tomorrow by default).
 */
export async function scanDuplicates(options: { until?: string } = {}): Promise<ScanOutcome> {
  const db = getDb();
  const until = options.until ?? addMonths(new Date().toISOString().slice(0, 10), 1);
  const { rows: open } = await db.execute<{ id: string; done_through: string | null }>(
    sql`select id, done_through::text from duplicate_scans where finished_at is null limit 1`,
  );
  let scanId: number;
  let from: string;
  if (open[0]) {
    scanId = Number(open[0].id);
    from = open[0].done_through ?? FIRST_SLICE;
  } else {
    const { rows } = await db.execute<{ id: string }>(
      sql`insert into duplicate_scans default values returning id`,
    );
    scanId = Number(rows[0]!.id);
    from = FIRST_SLICE;
  }
  // Nobody in the register is born before the first slice: that slice takes all of the past.
  let slices = 0;
  while (from < until) {
    const to = addMonths(from, SLICE_MONTHS) < until ? addMonths(from, SLICE_MONTHS) : until;
    const lower = from === FIRST_SLICE ? '0001-01-01' : from;
    await db.transaction(async (tx) => {
      const pairs = await pairsOf(tx, sameBirthDatePairs(lower, to));
      const stored = await scorePairs(tx, pairs);
      await tx.execute(sql`
        update duplicate_scans
           set done_through = ${to}::date, pairs_examined = pairs_examined + ${pairs.length},
               candidates_found = candidates_found + ${stored}
         where id = ${scanId}`);
    });
    from = to;
    slices++;
  }
  await db.transaction(async (tx) => {
    const pairs = await pairsOf(tx, SAME_DOCUMENT_NUMBER_PAIRS);
    const stored = await scorePairs(tx, pairs);
    await tx.execute(sql`
      update duplicate_scans
         set finished_at = now(), pairs_examined = pairs_examined + ${pairs.length},
             candidates_found = candidates_found + ${stored}
       where id = ${scanId}`);
  });
  const { rows } = await db.execute<{ pairs_examined: string; candidates_found: string }>(
    sql`select pairs_examined, candidates_found from duplicate_scans where id = ${scanId}`,
  );
  return {
    scanId,
    slices,
    pairsExamined: Number(rows[0]!.pairs_examined),
    candidatesFound: Number(rows[0]!.candidates_found),
  };
}
