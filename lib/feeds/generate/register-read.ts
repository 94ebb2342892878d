import type pg from 'pg';
import { addDays, type LocalDate } from '@/lib/domain/dates';
import type { Mother } from './births';

/**
 * What the test-feed generator reads from the register: the women who can be mothers on the feed's date
 * (living citizens aged 18–45, with a current passport and an open active policy), in id order so the
 * feed is the same for the same register, and the birth certificates already issued in the series the
 * feed uses.
 */
export async function readMothers(db: Pick<pg.Pool, 'query'>, asOf: LocalDate): Promise<Mother[]> {
  const { rows } = await db.query<{
    id: number | string;
    enp: string;
    last_name: string;
    first_name: string;
    patronymic: string | null;
    birth_date: string;
    snils: string | null;
    subject_code: string;
  }>(
    `select p.id, p.enp, p.last_name, p.first_name, p.patronymic, p.birth_date::text as birth_date, p.snils,
            c.subject_code
       from persons p
       join coverages c on c.person_id = p.id and c.recorded_to is null and c.valid_to is null
                       and c.status = 'active'
      where p.sex = 'F' and p.death_date is null and p.merged_into_id is null and p.citizenship = 'RUS'
        and p.birth_date between $1::date and $2::date
        and exists (select 1 from identity_documents d
                     where d.person_id = p.id and d.kind = 14 and d.is_current)
      order by p.id`,
    [addDays(asOf, -45 * 365), addDays(asOf, -18 * 366)],
  );
  return rows.map((r) => ({
    personId: Number(r.id),
    enp: r.enp,
    lastName: r.last_name,
    firstName: r.first_name,
    patronymic: r.patronymic,
    birthDate: r.birth_date as LocalDate,
    snils: r.snils,
    subjectCode: r.subject_code,
  }));
}

/** The birth certificates (`series|number`) the register holds in the given series. */
export async function readUsedCertificates(
  db: Pick<pg.Pool, 'query'>,
  series: readonly string[],
): Promise<Set<string>> {
  const { rows } = await db.query<{ key: string }>(
    `select series || '|' || number as key from identity_documents where kind = 3 and series = any($1::text[])`,
    [series],
  );
  return new Set(rows.map((r) => r.key));
}
