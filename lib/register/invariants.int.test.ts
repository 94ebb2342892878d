import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { addDays, type LocalDate } from '@/lib/domain/dates';
import { AppError } from '@/lib/errors';
import { changeInsurer } from './change-insurer';
import { changeRegion } from './change-region';
import { registerPerson } from './register-person';
import { renewPolicy } from './renew-policy';
import { suspendPolicy } from './suspend-policy';
import { terminatePolicy } from './terminate-policy';
import { adultInput, metaAt } from '@/testing/register/people';

type Step =
  | { op: 'suspend' }
  | { op: 'renew' }
  | { op: 'terminate' }
  | { op: 'insurer'; code: string }
  | { op: 'region'; subject: '50' | '77' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant<Step>({ op: 'suspend' }),
  fc.constant<Step>({ op: 'renew' }),
  fc.constant<Step>({ op: 'terminate' }),
  fc.constantFrom('001', '002', '003').map<Step>((b) => ({ op: 'insurer', code: b })),
  fc.constantFrom<'50' | '77'>('50', '77').map<Step>((subject) => ({ op: 'region', subject })),
);

/** Current subject of the person, to build an insurer code that serves it. */
async function currentSubject(personId: number): Promise<string> {
  const { rows } = await getDb().execute<{ subject_code: string }>(
    sql`select subject_code from coverages where person_id = ${personId} and recorded_to is null order by valid_from desc limit 1`,
  );
  return rows[0]!.subject_code;
}

describe('register invariants under random sequences of use cases (property-based, real PostgreSQL)', () => {
  it('never two ЕНП for a person, never overlapping coverage, refused commands change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(step, fc.integer({ min: 0, max: 120 })), { minLength: 1, maxLength: 12 }),
        async (steps) => {
          const start = '2024-01-10' as LocalDate;
          const { personId, enp } = await registerPerson(
            adultInput({
              coverage: { insurerCode: '77001', subjectCode: '77', reason: 'new_policy', on: start },
            }),
            metaAt(`${start}T09:00:00Z`),
          );
          let day = start;
          for (const [s, gap] of steps) {
            day = addDays(day, gap);
            const meta = metaAt(`${day}T09:00:00Z`);
            const before = await snapshot(personId);
            try {
              if (s.op === 'suspend') await suspendPolicy({ personId, reason: 'military_service' }, meta);
              else if (s.op === 'renew') await renewPolicy({ personId }, meta);
              else if (s.op === 'terminate')
                await terminatePolicy({ personId, reason: 'citizenship_ended' }, meta);
              else if (s.op === 'insurer')
                await changeInsurer(
                  { personId, insurerCode: `${await currentSubject(personId)}${s.code}` },
                  meta,
                );
              else
                await changeRegion(
                  { personId, subjectCode: s.subject, insurerCode: `${s.subject}002` },
                  meta,
                );
            } catch (error) {
              if (!(error instanceof AppError) || error.status >= 500) throw error;
              expect(await snapshot(personId)).toEqual(before);
            }
          }
          const { rows } = await getDb().execute<{
            enps: number;
            overlaps: number;
            open: number;
            enp: string;
          }>(sql`
          select (select count(distinct enp) from persons where id = ${personId})::int as enps,
                 (select enp from persons where id = ${personId}) as enp,
                 (select count(*) from coverages a join coverages b
                    on a.person_id = b.person_id and a.id < b.id
                   and daterange(a.valid_from, a.valid_to) && daterange(b.valid_from, b.valid_to)
                   where a.person_id = ${personId} and a.recorded_to is null and b.recorded_to is null)::int as overlaps,
                 (select count(*) from coverages where person_id = ${personId} and recorded_to is null and valid_to is null)::int as open`);
          expect(rows[0]).toEqual({ enps: 1, enp, overlaps: 0, open: 1 });
        },
      ),
      { numRuns: 25 },
    );
  });
});

async function snapshot(personId: number) {
  const { rows } = await getDb().execute(sql`
    select (select version from persons where id = ${personId}) as version,
           (select count(*) from coverages where person_id = ${personId})::int as coverages,
           (select count(*) from register_events where person_id = ${personId})::int as events`);
  return rows[0];
}
