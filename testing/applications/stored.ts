import { getDb } from '@/db/client';
import { createApplication, type NewApplication } from '@/lib/applications/application-store';
import { loadCalendar } from '@/lib/applications/calendar';
import { citizen } from './citizens';

/**
 * An application written straight to the store at `now` (no use case, no checks): by default an electronic
 * policy request of a citizen of its own in Moscow, due by the production calendar as loaded now.
 */
export async function storeApplication(now: Date, overrides: Partial<NewApplication> = {}) {
  const calendar = await loadCalendar();
  return getDb().transaction((tx) =>
    createApplication(tx, {
      kind: 'electronic_policy',
      applicant: citizen(),
      applicantPersonId: null,
      subjectPersonId: null,
      payload: {},
      idempotencyKey: null,
      subjectCode: '77',
      insurerCode: null,
      now,
      calendar,
      ...overrides,
    }),
  );
}
