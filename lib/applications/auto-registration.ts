import { eq } from 'drizzle-orm';
import { getDb, type Database } from '@/db/client';
import { persons } from '@/db/schema';
import { isDecisiveError } from '@/lib/errors';
import {
  changeApplicationStatus,
  setReviewReason,
  toApplicationView,
  type ApplicationRow,
  type ApplicationView,
} from './application-store';
import type { ReviewReason } from './automatic-checks';
import { applicationReason, AUTO_DECIDER, PORTAL_SOURCE } from './immediate-application';
import { racedReason, runRegistrationStep } from './registration-step';

/** The ЕНП of the person a done application is about (the one it registered or matched); null before. */
export async function doneSubjectEnp(row: ApplicationRow): Promise<string | null> {
  if (row.status !== 'done' || row.subjectPersonId === null) return null;
  const [p] = await getDb()
    .select({ enp: persons.enp })
    .from(persons)
    .where(eq(persons.id, row.subjectPersonId));
  return p?.enp ?? null;
}

/** What every answer about an application that may wait for an operator carries. */
export function reviewedAnswer(
  row: ApplicationRow,
  now: Date,
  repeated: boolean,
): { application: ApplicationView; reviewReasons: ReviewReason[]; repeated: boolean } {
  const payload = (row.payload ?? {}) as { review?: ReviewReason[] };
  return { application: toApplicationView(row, now), reviewReasons: payload.review ?? [], repeated };
}

/**
 * The automatic decision of an application that registers someone (a policy, a child), once its checks
 * passed: the shared registration step (`runRegistrationStep`, the same an operator's «Оформить» runs)
 * writes to the register as the portal's automatic decider and the application is done with its result.
 * When the register refuses decisively — someone with the same document was registered meanwhile through
 * another channel — the application waits for an operator with the reason; a transient error is thrown
 * for a retry.
 */
export async function decideRegistration(
  db: Database,
  row: ApplicationRow,
  now: Date,
): Promise<ApplicationRow> {
  try {
    const decision = await runRegistrationStep(row, {
      actor: AUTO_DECIDER,
      source: PORTAL_SOURCE,
      reason: applicationReason(row.number),
      now,
    });
    return await db.transaction((tx) =>
      changeApplicationStatus(tx, row, { to: 'done', actor: AUTO_DECIDER, now, ...decision }),
    );
  } catch (error) {
    if (!isDecisiveError(error)) throw error;
    const reason = racedReason(row.kind, error);
    return db.transaction((tx) => setReviewReason(tx, row, [reason], now));
  }
}
