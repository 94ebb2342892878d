/**
 * The clinic lookup in one round trip: find the person, their coverage and attachment on the date, the
 * insurer and region, and write the access-log row — all in one statement (a data-modifying CTE runs even
 * when nothing is found, so a miss is logged too). Named, so PostgreSQL prepares it once per connection.
 *
 * (`series = $8 or both null` rather than `is not distinct from`: only the former can use the unique index.)
 *
 * Parameters: $1 as-of date, $2 actor kind, $3 actor id, $4 organisation, $5 channel, $6 details, then the
 * finder's own parameters from $7.
 */
const FINDERS = {
  document: `select pe.* from identity_documents d join persons pe on pe.id = d.person_id
              where d.kind = $7 and (d.series = $8 or (d.series is null and $8::varchar is null)) and d.number = $9
                and pe.birth_date = $10
              order by d.is_current desc limit 1`,
  enp: `select pe.* from persons pe where pe.enp = $7 and ($8::date is null or pe.birth_date = $8::date)`,
  snils: `select pe.* from persons pe where pe.snils = $7 and pe.birth_date = $8`,
} as const;

export type FinderKind = keyof typeof FINDERS;

/**
 * `logged: false` leaves out the access-log row: a door runs that only on a replica, which cannot write,
 * and then writes the row to the primary itself before answering (lookup-policy.ts, ADR 0026); the lookup
 * benchmark's read-only baseline runs it as the physical limit of a lookup.
 */
function statement(finder: FinderKind, logged = true): string {
  const log = logged
    ? `,
logged as (
  insert into access_log (actor_kind, actor_id, organisation_code, person_id, channel, purpose, result, details)
  select $2::actor_kind, $3, $4, (select id from p), $5::access_channel, 'policy_lookup',
         case when exists (select 1 from p) then 'found' else 'not_found' end, $6
  returning id
)`
    : // The log's parameters keep their numbers (and types), so both variants take the same values.
      `,
unused_log_parameters as (select $2::text, $3::text, $4::text, $5::text, $6::text)`;
  return `
with found as (${FINDERS[finder]}),
p as (
  -- A duplicate merged into another record answers with the surviving one.
  select t.id, t.enp, t.last_name, t.first_name, t.patronymic, t.birth_date, t.death_date
    from found f join persons t on t.id = coalesce(f.merged_into_id, f.id)
),
c as (
  select c.insurer_code, c.subject_code, c.status, c.reason, c.valid_from, c.valid_to
    from coverages c join p on c.person_id = p.id
   where c.recorded_to is null and daterange(c.valid_from, c.valid_to, '[)') @> $1::date
   limit 1
),
last_period as (
  select c.insurer_code, c.subject_code, c.status, c.reason, c.valid_from, c.valid_to
    from coverages c join p on c.person_id = p.id
   where c.recorded_to is null and c.valid_from <= $1::date
   order by c.valid_from desc limit 1
),
a as (
  select a.mo_code, mo.name_short as mo_name
    from attachments a join p on a.person_id = p.id join medical_organisations mo on mo.code = a.mo_code
   where daterange(a.valid_from, a.valid_to, '[)') @> $1::date
   limit 1
)${log}
select p.id as person_id, p.enp, p.last_name, p.first_name, p.patronymic, p.birth_date, p.death_date,
       c.insurer_code, c.subject_code, c.status, c.reason, c.valid_from, c.valid_to,
       lp.status as last_status, lp.reason as last_reason, lp.valid_from as last_valid_from,
       lp.valid_to as last_valid_to, lp.insurer_code as last_insurer_code, lp.subject_code as last_subject_code,
       i.name_short as insurer_name, coalesce(i.hot_line, i.phone) as insurer_phone,
       s.name_ru as subject_name, a.mo_code, a.mo_name,
       ${logged ? '(select count(*) from logged)::int' : '0'} as logged
  from (select 1) one
  left join p on true
  left join c on true
  left join last_period lp on true
  left join insurers i on i.code = c.insurer_code
  left join subjects s on s.code = c.subject_code
  left join a on true`;
}

type Statements = Record<FinderKind, { name: string; text: string }>;
const statements = (prefix: string, logged: boolean): Statements => ({
  document: { name: `${prefix}_by_document`, text: statement('document', logged) },
  enp: { name: `${prefix}_by_enp`, text: statement('enp', logged) },
  snils: { name: `${prefix}_by_snils`, text: statement('snils', logged) },
});

export const LOOKUP_STATEMENTS: Statements = statements('lookup_policy', true);

/** The same answer without the access-log row — for a replica (whose caller logs on the primary). */
export const READ_ONLY_LOOKUP_STATEMENTS: Statements = statements('lookup_unlogged', false);

export interface LookupRow {
  person_id: number | null;
  enp: string | null;
  last_name: string | null;
  first_name: string | null;
  patronymic: string | null;
  birth_date: string | null;
  death_date: string | null;
  insurer_code: string | null;
  subject_code: string | null;
  status: 'active' | 'suspended' | 'terminated' | null;
  reason: string | null;
  valid_from: string | null;
  valid_to: string | null;
  last_status: 'active' | 'suspended' | 'terminated' | null;
  last_reason: string | null;
  last_valid_from: string | null;
  last_valid_to: string | null;
  last_insurer_code: string | null;
  last_subject_code: string | null;
  insurer_name: string | null;
  insurer_phone: string | null;
  subject_name: string | null;
  mo_code: string | null;
  mo_name: string | null;
  logged: number;
}
