import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { MergeMoves } from '@/db/schema';

async function ids(db: Executor, query: ReturnType<typeof sql>): Promise<number[]> {
  const { rows } = await db.execute<{ id: string }>(query);
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/**
 * What merging `retired` into `survivor` moves, row by row (ADR 0023). Everything of the retired record
 * moves to the survivor, except where the survivor already holds the same fact for the same time:
 * - a current document of a kind the survivor has a current document of moves as a former document;
 * - a coverage period overlapping one of the survivor's believed periods moves retracted (its recorded_to
 *   set to the merge time): the survivor's period stands for that time, the retracted one stays in the
 *   survivor's history "as known before the merge";
 * - an attachment overlapping one of the survivor's stays with the retired record (attachments keep no
 *   record time to retract it with), as does a representation the survivor already has;
 * - applications, notifications and persons earlier merged into the retired record all move.
 * The register's events stay with the record they were written for; the survivor's history includes the
 * retired record's through the merge.
 */
export async function planMerge(db: Executor, survivorId: number, retiredId: number): Promise<MergeMoves> {
  const [s, r] = [survivorId, retiredId];
  const documents = await ids(db, sql`select id from identity_documents where person_id = ${r}`);
  const documentsDemoted = await ids(
    db,
    sql`select d.id from identity_documents d
         where d.person_id = ${r} and d.is_current
           and exists (select 1 from identity_documents o where o.person_id = ${s} and o.is_current and o.kind = d.kind)`,
  );
  const coverages = await ids(db, sql`select id from coverages where person_id = ${r}`);
  const retracted = await ids(
    db,
    sql`select c.id from coverages c
         where c.person_id = ${r} and c.recorded_to is null
           and exists (select 1 from coverages o where o.person_id = ${s} and o.recorded_to is null
                        and daterange(o.valid_from, o.valid_to, '[)') && daterange(c.valid_from, c.valid_to, '[)'))`,
  );
  const attachmentsKept = await ids(
    db,
    sql`select a.id from attachments a
         where a.person_id = ${r}
           and exists (select 1 from attachments o where o.person_id = ${s}
                        and daterange(o.valid_from, o.valid_to, '[)') && daterange(a.valid_from, a.valid_to, '[)'))`,
  );
  const attachments = (await ids(db, sql`select id from attachments where person_id = ${r}`)).filter(
    (id) => !attachmentsKept.includes(id),
  );
  const representationsKept = await ids(
    db,
    sql`select x.id from representations x
         where (x.child_id = ${r} and (x.representative_id = ${s} or exists (
                 select 1 from representations o where o.child_id = ${s} and o.representative_id = x.representative_id)))
            or (x.representative_id = ${r} and (x.child_id = ${s} or exists (
                 select 1 from representations o where o.representative_id = ${s} and o.child_id = x.child_id)))`,
  );
  const notKept = (list: number[]) => list.filter((id) => !representationsKept.includes(id));
  return {
    documents,
    documentsDemoted,
    coverages,
    coveragesRetracted: retracted,
    attachments,
    attachmentsKept,
    representationsAsChild: notKept(await ids(db, sql`select id from representations where child_id = ${r}`)),
    representationsAsRepresentative: notKept(
      await ids(db, sql`select id from representations where representative_id = ${r}`),
    ),
    representationsKept,
    applicationsAsApplicant: await ids(db, sql`select id from applications where applicant_person_id = ${r}`),
    applicationsAsSubject: await ids(db, sql`select id from applications where subject_person_id = ${r}`),
    notifications: await ids(db, sql`select id from notifications where person_id = ${r}`),
    repointedPersons: await ids(db, sql`select id from persons where merged_into_id = ${r}`),
  };
}

const list = (values: readonly number[]) => sql`${`{${values.join(',')}}`}::bigint[]`;

/**
 * Applies a plan (merge, `to` the survivor) or reverses it (undo, `to` the retired record). `recordTime` is the merge's record time for the periods it
 * retracts. Every statement names its rows by id, so the undo touches exactly what the merge moved.
 */
export async function applyMoves(
  db: Executor,
  moves: MergeMoves,
  to: number,
  direction: 'merge' | 'undo',
  recordTime: string,
): Promise<void> {
  const retracted = moves.coveragesRetracted;
  if (direction === 'merge') {
    await db.execute(
      sql`update identity_documents set is_current = false where id = any(${list(moves.documentsDemoted)})`,
    );
    await db.execute(
      sql`update coverages set recorded_to = ${recordTime}::timestamptz where id = any(${list(retracted)})`,
    );
  }
  await db.execute(
    sql`update identity_documents set person_id = ${to} where id = any(${list(moves.documents)})`,
  );
  await db.execute(sql`update coverages set person_id = ${to} where id = any(${list(moves.coverages)})`);
  await db.execute(sql`update attachments set person_id = ${to} where id = any(${list(moves.attachments)})`);
  await db.execute(
    sql`update representations set child_id = ${to} where id = any(${list(moves.representationsAsChild)})`,
  );
  await db.execute(
    sql`update representations set representative_id = ${to} where id = any(${list(moves.representationsAsRepresentative)})`,
  );
  await db.execute(
    sql`update applications set applicant_person_id = ${to} where id = any(${list(moves.applicationsAsApplicant)})`,
  );
  await db.execute(
    sql`update applications set subject_person_id = ${to} where id = any(${list(moves.applicationsAsSubject)})`,
  );
  await db.execute(
    sql`update notifications set person_id = ${to} where id = any(${list(moves.notifications)})`,
  );
  await db.execute(
    sql`update persons set merged_into_id = ${to} where id = any(${list(moves.repointedPersons)})`,
  );
  if (direction === 'undo') {
    await db.execute(sql`update coverages set recorded_to = null where id = any(${list(retracted)})`);
    await db.execute(
      sql`update identity_documents set is_current = true where id = any(${list(moves.documentsDemoted)})`,
    );
  }
}
