import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { DuplicateSubject } from '@/lib/domain/ru/duplicates';

export type StoredSubject = DuplicateSubject & { id: number };

interface SubjectRow extends Record<string, unknown> {
  id: string | number;
  last_name: string;
  first_name: string;
  patronymic: string | null;
  sex: 'M' | 'F';
  birth_date: string;
  birth_place: string | null;
  snils: string | null;
  documents: { kind: number; series: string | null; number: string }[];
  former_names: string[] | null;
  from_birth_feed: boolean;
  representative_ids: (string | number)[] | null;
}

/**
 * What the duplicate rules compare, for many persons in one statement: their data, every document they
 * ever had, their earlier names (h-card's person_names), whether a ЗАГС birth record created them, and who
 * represents them.
 */
export async function loadSubjects(
  db: Executor,
  ids: readonly number[],
): Promise<Map<number, StoredSubject>> {
  const out = new Map<number, StoredSubject>();
  if (ids.length === 0) return out;
  const { rows } = await db.execute<SubjectRow>(sql`
    select p.id, p.last_name, p.first_name, p.patronymic, p.sex, p.birth_date::text as birth_date,
           p.birth_place, p.snils,
           coalesce((select json_agg(json_build_object('kind', d.kind, 'series', d.series, 'number', d.number))
                       from identity_documents d where d.person_id = p.id), '[]'::json) as documents,
           (select array_agg(n.full_name) from person_names n where n.person_id = p.id and not n.is_current)
             as former_names,
           exists (select 1 from register_events e
                    where e.person_id = p.id and e.action = 'person.registered' and e.source = 'feed:zags')
             as from_birth_feed,
           (select array_agg(r.representative_id) from representations r where r.child_id = p.id)
             as representative_ids
      from persons p
     where p.id = any(${`{${ids.join(',')}}`}::bigint[])`);
  for (const r of rows) {
    const id = Number(r.id);
    out.set(id, {
      id,
      lastName: r.last_name,
      firstName: r.first_name,
      patronymic: r.patronymic,
      sex: r.sex,
      birthDate: r.birth_date,
      birthPlace: r.birth_place,
      snils: r.snils,
      documents: r.documents,
      formerNames: r.former_names ?? [],
      fromBirthFeed: r.from_birth_feed,
      representativeIds: (r.representative_ids ?? []).map(Number),
    });
  }
  return out;
}
