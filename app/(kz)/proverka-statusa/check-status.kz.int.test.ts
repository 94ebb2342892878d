import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { setRateLimitClock } from '@/lib/rate-limit/rate-limits';
import { citizen, membership } from '@/testing/kz/osms';
import { createKzPerson } from '@/testing/kz/register';
import { checkStatusFor } from './check-status';

process.env.USER_RATE_LIMIT_BURST = '3';
process.env.USER_RATE_LIMIT_PER_SECOND = '0.1';
let now = Date.parse('2026-06-15T06:00:00Z');
setRateLimitClock(() => now);

describe('the status check page’s form post', () => {
  it('answers the status for the ИИН typed; a wrong one is named on its field; a sweep is stopped', async () => {
    const person = await createKzPerson(getDb(), {
      facts: citizen({ memberships: [membership('PENSIONER', '2020-01-01', null)] }),
    });
    const found = await checkStatusFor('203.0.113.5', ` ${person.iin.slice(0, 6)} ${person.iin.slice(6)} `);
    expect(found.result).toMatchObject({ insured: true, code: 'STATE_CATEGORY' });
    expect(found.result!.text).not.toContain('пенсион');
    expect(found.errors).toEqual([]);

    const wrong = await checkStatusFor('203.0.113.5', '12345');
    expect(wrong).toMatchObject({
      values: { iin: '12345' },
      errors: [{ field: 'iin', message: 'ИИН состоит из 12 цифр.' }],
      formError: null,
      result: null,
    });

    // The third check from this address uses the burst up; the fourth is refused in words.
    await checkStatusFor('203.0.113.5', person.iin);
    const refused = await checkStatusFor('203.0.113.5', person.iin);
    expect(refused.result).toBeNull();
    expect(refused.formError).toMatch(/^Слишком много запросов\. Повторите через \d+ с\.$/);
    // Another client is not affected.
    expect((await checkStatusFor('203.0.113.6', person.iin)).result?.insured).toBe(true);
    now += 10_000;
    expect((await checkStatusFor('203.0.113.5', person.iin)).result?.insured).toBe(true);
  });
});
