import { getDb } from '@/db/client';
import { publicActor } from '@/lib/auth/actor';
import { logAccess } from '@/lib/audit/access-log';
import { osmsStatusOn, publicOsmsStatus, validateIin, type PublicOsmsStatus } from '@/lib/domain/kz';
import { AppError } from '@/lib/errors';
import { osmsParameters } from '@/lib/kz/parameters';
import { kzToday } from '@/lib/kz/today';
import { loadKzPersonFacts, toOsmsFacts, toOsmsRecords } from './facts-query';
import { kzPersonNotFound, statusDetails } from './status-read-support';

export interface PublicCheckContext {
  /** The client's address (the door's, lib/auth/client-address): the public actor is derived from it. */
  client: string;
  now?: Date;
}

/** The access log's purpose of a public check. */
export const PUBLIC_CHECK_PURPOSE = 'osms_status_check';

/**
 * The public status check by ИИН (the fund's site, eGov, the app, a bot): anyone may ask, no sign-in, so it
 * answers only what anyone may know — insured or not, the ground's or the reason's code and words without a
 * category, advice, until when, and the 12 previous months paid or not. Never a name, an amount or a payer.
 * Logged with the public actor (a digest of the address) on the `status_check` channel; rate limiting is
 * the door's. Unknown ИИН: PERSON_NOT_FOUND; an invalid one: VALIDATION_FAILED naming `iin`.
 */
export async function checkOsmsStatusPublic(
  input: { iin: string },
  ctx: PublicCheckContext,
): Promise<PublicOsmsStatus> {
  const actor = publicActor(ctx.client);
  const checked = validateIin(input.iin, 'iin');
  if (!checked.ok) throw AppError.validation(checked.issues);
  const now = ctx.now ?? new Date();
  const row = await loadKzPersonFacts(getDb(), { iin: checked.value.iin });
  const log = (personId: number | null, result: string, details: string) =>
    logAccess({
      actor,
      channel: 'status_check',
      personId,
      purpose: PUBLIC_CHECK_PURPOSE,
      result,
      details,
      at: now,
    });
  if (!row) {
    await log(null, 'not_found', 'ИИН не найден');
    throw kzPersonNotFound();
  }
  const params = osmsParameters();
  const status = osmsStatusOn(params, toOsmsFacts(toOsmsRecords(row, params)), kzToday(now));
  await log(row.id, 'found', statusDetails(status));
  return publicOsmsStatus(status);
}
