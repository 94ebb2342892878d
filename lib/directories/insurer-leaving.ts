import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { notifications } from '@/db/schema';
import { formatDateRu, moscowDate, type LocalDate } from '@/lib/domain/dates';
import { personRecipient } from '@/lib/notifications/person-recipient';

export const INSURER_LEAVING_JOB = 'directories.notify-insurer-leaving';

export interface InsurerEnding {
  insurerCode: string;
  insurerName: string;
  subjectCode: string;
  subjectName: string;
  lastDay: LocalDate;
}

export interface LeavingNoticeRun {
  endings: number;
  notified: number;
}

/** Insurers that have announced their last day in a region and have not left yet (the rule's `leavingOn`). */
async function currentEndings(today: LocalDate): Promise<InsurerEnding[]> {
  const { rows } = await getDb().execute<{
    insurer_code: string;
    insurer_name: string;
    subject_code: string;
    subject_name: string;
    last_day: string;
  }>(sql`
    select r.insurer_code, i.name_short as insurer_name, r.subject_code, s.name_ru as subject_name,
           least(r.served_to, i.active_to)::text as last_day
      from insurer_regions r
      join insurers i on i.code = r.insurer_code
      join subjects s on s.code = r.subject_code
     where least(r.served_to, i.active_to) >= ${today}
     order by r.insurer_code, r.subject_code`);
  return rows.map((r) => ({
    insurerCode: r.insurer_code,
    insurerName: r.insurer_name,
    subjectCode: r.subject_code,
    subjectName: r.subject_name,
    lastDay: r.last_day as LocalDate,
  }));
}

export function leavingNoticeText(e: InsurerEnding): string {
  return (
    `Ваша страховая медицинская организация «${e.insurerName}» прекращает работу в регионе «${e.subjectName}»: ` +
    `последний день — ${formatDateRu(e.lastDay)}. Выберите другую страховую компанию в разделе «Замена страховой ` +
    `компании» — такая замена не считается ежегодной и возможна в любое время.`
  );
}

/**
 * Tells every insured person of an insurer that is leaving their region, through the portal, once. Works in
 * batches, each one transaction that records the notices and writes the notifications together; what is
 * done is skipped on the next run, so the job can be interrupted and retried at any point.
 * Who is told: persons whose believed coverage (active or suspended) with that insurer in that region runs
 * on to today or later, alive and not merged into another record.
 */
export async function notifyInsuredOfLeavingInsurers(
  opts: { batchSize?: number; now?: Date; afterBatch?: (notified: number) => void } = {},
): Promise<LeavingNoticeRun> {
  const now = opts.now ?? new Date();
  const today = moscowDate(now);
  const batchSize = opts.batchSize ?? 1000;
  const endings = await currentEndings(today);
  let notified = 0;
  for (const e of endings) {
    for (;;) {
      const told = await getDb().transaction(async (tx) => {
        const { rows } = await tx.execute<{ person_id: string }>(sql`
          insert into insurer_leaving_notices (insurer_code, subject_code, last_day, person_id, notified_at)
          select ${e.insurerCode}, ${e.subjectCode}, ${e.lastDay}, c.person_id, ${now}
            from (select distinct c.person_id
                    from coverages c
                    join persons p on p.id = c.person_id
                   where c.insurer_code = ${e.insurerCode} and c.subject_code = ${e.subjectCode}
                     and c.recorded_to is null and c.status <> 'terminated'
                     and (c.valid_to is null or c.valid_to >= ${today})
                     and p.death_date is null and p.merged_into_id is null
                     and not exists (select 1 from insurer_leaving_notices n
                                      where n.insurer_code = ${e.insurerCode} and n.subject_code = ${e.subjectCode}
                                        and n.last_day = ${e.lastDay} and n.person_id = c.person_id)
                   order by c.person_id
                   limit ${batchSize}) c
          on conflict do nothing
          returning person_id`);
        const ids = rows.map((r) => Number(r.person_id));
        if (ids.length) {
          const text = leavingNoticeText(e);
          await tx.insert(notifications).values(
            ids.map((personId) => ({
              recipientSub: personRecipient(personId),
              personId,
              applicationId: null,
              text,
              createdAt: now,
            })),
          );
        }
        return ids.length;
      });
      notified += told;
      opts.afterBatch?.(told);
      if (told === 0) break;
    }
  }
  return { endings: endings.length, notified };
}
