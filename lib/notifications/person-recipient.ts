import { or, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { notifications } from '@/db/schema';
import type { CitizenActor } from '@/lib/auth/actor';
import { addNotification } from './add-notification';

/**
 * A message for a person rather than an account: an agency's event (a birth registered by ЗАГС) concerns
 * someone who may never have signed in. It is addressed to the person's record, and whoever signs in as
 * that person reads it (the one citizen resolution decides who that is).
 */
export const personRecipient = (personId: number): string => `person:${personId}`;

/** The notifications a signed-in citizen reads: their account's and their own record's. */
export function addressedTo(citizen: CitizenActor): SQL {
  return citizen.personId === null
    ? eq(notifications.recipientSub, citizen.id)
    : or(
        eq(notifications.recipientSub, citizen.id),
        eq(notifications.recipientSub, personRecipient(citizen.personId)),
      )!;
}

/** Writes a notification to a person's record, in the caller's transaction. */
export async function notifyPerson(
  db: Executor,
  n: { personId: number; aboutPersonId: number | null; text: string; at: Date },
): Promise<void> {
  await addNotification(db, {
    recipientSub: personRecipient(n.personId),
    personId: n.aboutPersonId,
    applicationId: null,
    text: n.text,
    at: n.at,
  });
}
