import type { Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { lookupPolicy } from '@/lib/lookup/lookup-policy';
import type { LookupOutcome } from '@/lib/lookup/policy-answer';
import { parseLookupQuery } from '@/lib/lookup/lookup-query';
import { registerPerson } from '@/lib/register/register-person';
import { adultInput, systemTestActor } from '@/testing/register/people';

/** The failover suite's load: a loop of clinic lookups and a loop of register writes, both recorded. */

const clinic: Actor = { kind: 'clinic', id: 'failover-suite', moCode: '770001' };

export interface Ack {
  personId: number;
  at: number;
}

export interface WriteFailure {
  at: number;
  code: string;
  retryAfter: unknown;
}

export interface LoadRecord {
  acks: Ack[];
  failures: WriteFailure[];
  lookups: { at: number; outcome: LookupOutcome }[];
}

export function lookupByEnp(enp: string): Promise<LookupOutcome> {
  return lookupPolicy(parseLookupQuery({ enp }, '2026-12-01' as never), { actor: clinic, channel: 'rest' });
}

export function writeOnePerson(): Promise<number> {
  return registerPerson(adultInput(), {
    actor: systemTestActor,
    source: 'failover-suite',
    now: new Date(),
  }).then((r) => r.personId);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs both loops until `stop()`; each loop issues one request at a time (a clinic's registrar, an
 * agency's feed), with a short pause so that the switch is sampled every few tens of milliseconds.
 */
export function startLoad(enps: readonly string[]): { record: LoadRecord; stop: () => Promise<void> } {
  const record: LoadRecord = { acks: [], failures: [], lookups: [] };
  let running = true;
  const lookups = (async () => {
    for (let i = 0; running; i++) {
      const outcome = await lookupByEnp(enps[i % enps.length] ?? '');
      record.lookups.push({ at: Date.now(), outcome });
      await pause(20);
    }
  })();
  const writes = (async () => {
    while (running) {
      try {
        const personId = await writeOnePerson();
        record.acks.push({ personId, at: Date.now() });
      } catch (error) {
        const appError = error instanceof AppError ? error : null;
        record.failures.push({
          at: Date.now(),
          code: appError?.code ?? String(error),
          retryAfter: appError?.details.retryAfter,
        });
      }
      await pause(20);
    }
  })();
  return {
    record,
    stop: async () => {
      running = false;
      await Promise.all([lookups, writes]);
    },
  };
}
