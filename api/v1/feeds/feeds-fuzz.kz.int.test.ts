import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { hostileText, oddDate } from '@/e2e/fuzz/inputs';
import { systemActor } from '@/lib/auth/actor';
import { createFeedKey } from '@/lib/feeds/feed-keys';
import { startApiServer, type TestApiServer } from '@/testing/api/api-server';
import { Contract } from '@/testing/api/contract';
import { createKzPerson } from '@/testing/kz/register';

/**
 * The ОСМС feed door under fuzzing (ADR 0031): events of every type with plausible and hostile values —
 * ИИН of a known person, of nobody, broken; months, amounts, dates and categories odd or absent; other
 * sources' keys and junk bodies — always get a documented answer (never a 5xx), every refused line names
 * its fields, and the register holds each payment reference at most once while it stands.
 */
let server: TestApiServer;
let contract: Contract;
const keys = { payments: '', categories: '' };
let known: string[] = [];

beforeAll(async () => {
  server = await startApiServer();
  contract = await Contract.fetch(server.base);
  for (const source of ['payments', 'categories'] as const)
    keys[source] = (await createFeedKey({ source }, systemActor('feeds-fuzz-kz'))).key;
  known = await Promise.all([1, 2, 3].map(async () => (await createKzPerson(getDb())).iin));
});
afterAll(async () => {
  await server?.close();
});

const iin = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 2 }).map((i) => known[i]!) },
  { weight: 2, arbitrary: fc.stringMatching(/^\d{12}$/) },
  { weight: 1, arbitrary: hostileText(14) },
);
const month = fc.oneof(
  fc.constantFrom('2026-09', '2026-10', '2017-06', '2027-12', '2026-13'),
  hostileText(8),
);
const date = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('2026-10-20', '2026-11-01', '2030-01-01') },
  oddDate,
);
const amount = fc.oneof(
  fc.constantFrom(3500, 4000.5, 0, -1, 10.005, '3500.00', '1e3', 'много'),
  fc.double({ noNaN: false }),
);
const reference = fc.oneof(fc.constantFrom('FZ-1', 'FZ-2', 'FZ-3'), hostileText(70));
const category = fc.oneof(fc.constantFrom('PENSIONER', 'DISABILITY', 'CHILDREN'), hostileText(12));

const payer = fc.record({
  kind: fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom('employer', 'self', 'state', 'local-body', 'lump-sum') },
    { weight: 1, arbitrary: hostileText(8) },
  ),
  id: fc.oneof(fc.constant('190340012345'), hostileText(34)),
  name: fc.oneof(fc.constant(null), hostileText(20)),
});

/** Each type's data with its own fields, plausible or hostile; now and then a field dropped or added. */
const DATA = {
  'contribution.paid': fc.record({
    iin,
    payer,
    month,
    months: fc.oneof(fc.constant(undefined), fc.integer({ min: -2, max: 130 })),
    amount,
    paidOn: date,
    reference,
  }),
  'contribution.reversed': fc.record({ iin, reference, reversedOn: date }),
  'category.joined': fc.record({
    iin,
    category,
    from: date,
    to: fc.oneof(fc.constant(null), date),
    listDate: date,
  }),
  'category.left': fc.record({ iin, category, to: date, listDate: date }),
} as const;

/** Data every rule accepts (a known person, a plausible payment or list): what reaches the effects. */
const knownIin = fc.integer({ min: 0, max: 2 }).map((i) => known[i]!);
const VALID: Record<keyof typeof DATA, fc.Arbitrary<Record<string, unknown>>> = {
  'contribution.paid': fc.record({
    iin: knownIin,
    payer: fc.constant({ kind: 'employer', id: '190340012345' }),
    month: fc.constantFrom('2026-08', '2026-09'),
    amount: fc.integer({ min: 1, max: 20_000 }),
    paidOn: fc.constant('2026-10-20'),
    reference: fc.stringMatching(/^FZ-[0-9]{1,8}$/),
  }),
  'contribution.reversed': fc.record({
    iin: knownIin,
    reference: fc.stringMatching(/^FZ-[0-9]{1,2}$/),
    reversedOn: fc.constant('2026-11-01'),
  }),
  'category.joined': fc.record({
    iin: knownIin,
    category: fc.constantFrom('PENSIONER', 'DISABILITY'),
    from: fc.constant('2025-01-01'),
    to: fc.constant(null),
    listDate: fc.constant('2025-01-05'),
  }),
  'category.left': fc.record({
    iin: knownIin,
    category: fc.constantFrom('PENSIONER', 'DISABILITY'),
    to: fc.constant('2025-12-31'),
    listDate: fc.constant('2026-01-05'),
  }),
};

const spoilt = <T extends Record<string, unknown>>(data: fc.Arbitrary<T>, valid: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 6, arbitrary: data },
    { weight: 1, arbitrary: data.map(({ iin: _dropped, ...rest }) => rest) },
    { weight: 1, arbitrary: data.map((d) => ({ ...d, extra: 1 })) },
  );

const event = fc.constantFrom(...(Object.keys(DATA) as (keyof typeof DATA)[])).chain((type) =>
  fc.record({
    eventId: fc.oneof({ weight: 4, arbitrary: fc.stringMatching(/^fz-[a-z0-9]{1,12}$/) }, hostileText(20)),
    type: fc.oneof({ weight: 8, arbitrary: fc.constant(type) }, { weight: 1, arbitrary: hostileText(16) }),
    occurredAt: fc.oneof({ weight: 6, arbitrary: fc.constant('2026-10-20T10:00:00+05:00') }, hostileText(25)),
    data: spoilt(DATA[type] as fc.Arbitrary<Record<string, unknown>>, VALID[type]),
  }),
);

const ANSWERS = [200, 400, 401, 403, 404, 413, 415];

describe('the ОСМС feed door, fuzzed', () => {
  it('answers every request as documented, never with a 5xx, naming the fields of every refused line', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('payments', 'payments', 'categories', 'categories', 'zags'),
        fc.oneof(
          { weight: 8, arbitrary: fc.constant('own' as const) },
          { weight: 1, arbitrary: fc.constantFrom('payments' as const, 'categories' as const) },
          { weight: 1, arbitrary: fc.constant(null) },
        ),
        fc.array(event, { maxLength: 5 }),
        fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: hostileText(200) }),
        async (source, keyOf, events, junk) => {
          const headers: Record<string, string> = { 'content-type': 'application/x-ndjson' };
          const key = keyOf === 'own' ? (source === 'zags' ? 'payments' : source) : keyOf;
          if (key) headers.authorization = `Bearer ${keys[key]}`;
          const res = await fetch(`${server.base}/api/v1/feeds/${source}/events`, {
            method: 'POST',
            headers,
            body: junk ?? events.map((e) => JSON.stringify(e)).join('\n'),
          });
          const body = JSON.parse(await res.text()) as Record<string, unknown>;
          expect(ANSWERS).toContain(res.status);
          contract.check('/api/v1/feeds/{source}/events', 'POST', {
            status: res.status,
            headers: res.headers,
            body,
          });
          const answered = (res.status === 200 ? body.events : []) as {
            status: string;
            errors?: { field: string; code: string }[];
          }[];
          if (res.status === 200) expect(answered).toHaveLength(body.received as number);
          for (const e of answered) {
            seen.add(e.status);
            if (e.status === 'rejected') expect(e.errors!.length).toBeGreaterThan(0);
            for (const err of e.errors ?? []) expect(err.field.length * err.code.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 150 },
    );
    // The fuzzing reached the use cases: some events were applied, some refused by their rules.
    expect([...seen].sort()).toEqual(expect.arrayContaining(['accepted', 'rejected']));
  });
});
