import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { applications, staffActions } from '@/db/schema';
import { isAppError } from '@/lib/errors';
import { createDemoOperators, ffoms, queuedPolicyApplication, tfoms77 } from '@/testing/applications/queue';
import { listApplicationQueue } from './application-queue';
import { getApplicationForReview } from './application-review';
import { decideApplication } from './decide-application';

/**
 * Hostile input at the use cases the console's pages and forms call: every answer is a page or a
 * catalogued refusal naming the field, never a database error, and nothing is decided by it.
 */
const now = new Date('2026-03-11T10:00:00Z');
const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    "'; drop table applications; --",
    '2026-99999999',
    '77',
    '77001',
    'x'.repeat(5000),
  ),
);
let number = '';

beforeAll(async () => {
  await createDemoOperators();
  number = (
    await queuedPolicyApplication(new Date('2026-03-10T09:00:00Z'), {
      subjectCode: '77',
      insurerCode: '77002',
    })
  ).application.number;
});

async function answered(p: Promise<unknown>): Promise<void> {
  try {
    await p;
  } catch (error) {
    expect(isAppError(error), String(error)).toBe(true);
    if (!isAppError(error)) return;
    expect([
      'VALIDATION_FAILED',
      'FORBIDDEN',
      'APPLICATION_NOT_FOUND',
      'APPLICATION_ALREADY_DECIDED',
    ]).toContain(error.code);
  }
}

describe('console queue use cases under hostile input', () => {
  it('the queue answers every filter with a page or named field errors', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          status: hostile,
          kind: hostile,
          subjectCode: hostile,
          insurerCode: hostile,
          number: hostile,
        }),
        fc.integer({ min: -5, max: 500 }),
        async (filter, page) => {
          await answered(
            listApplicationQueue(
              { ...filter, status: filter.status as never, kind: filter.kind as never, page },
              ffoms,
              { now },
            ),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the application page and the decision answer every number, reason and comment; nothing is decided', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostile,
        hostile,
        hostile,
        fc.constantFrom('issue', 'refuse', 'x', ''),
        async (n, reason, comment, decision) => {
          await answered(getApplicationForReview(n, tfoms77, { now }));
          // Only malformed refusals reach the real application: it stays waiting.
          await answered(
            decideApplication(
              {
                number: decision === 'refuse' ? number : n,
                decision: decision as 'refuse',
                reason: `${reason}\u0000`,
                comment,
              },
              tfoms77,
              { now },
            ),
          );
        },
      ),
      { numRuns: 150 },
    );
    const [app] = await getDb().select().from(applications).where(eq(applications.number, number));
    expect(app!.status).toBe('submitted');
    expect(await getDb().select().from(staffActions).where(eq(staffActions.targetId, number))).toEqual([]);
  });
});
