import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { systemActor } from '@/lib/auth/actor';
import { createFeedKey } from '@/lib/feeds/feed-keys';
import { startApiServer, type ApiResponse, type TestApiServer } from '@/testing/api/api-server';
import { Contract } from '@/testing/api/contract';
import { createKzPerson } from '@/testing/kz/register';

/**
 * The feed API in a Kazakh deployment (ADR 0031): it serves the payments and category lists and only
 * them, answers an applied event with the person's ИИН, refuses bad lines field by field, and its answers
 * keep the published contract.
 */
let server: TestApiServer;
let contract: Contract;
const keys = { payments: '', categories: '' };
const EVENTS_PATH = '/api/v1/feeds/{source}/events';

beforeAll(async () => {
  server = await startApiServer();
  contract = await Contract.fetch(server.base);
  for (const source of ['payments', 'categories'] as const)
    keys[source] = (await createFeedKey({ source }, systemActor('feeds-api-kz-test'))).key;
});
afterAll(async () => {
  await server?.close();
});

async function post(source: string, body: string, key: string | null): Promise<ApiResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/x-ndjson' };
  if (key) headers.authorization = `Bearer ${key}`;
  const res = await fetch(`${server.base}/api/v1/feeds/${source}/events`, { method: 'POST', headers, body });
  return {
    status: res.status,
    headers: res.headers,
    body: JSON.parse(await res.text()) as ApiResponse['body'],
  };
}

const ndjson = (...values: unknown[]) => values.map((v) => JSON.stringify(v)).join('\n') + '\n';
const payment = (iin: string, reference: string, over: Record<string, unknown> = {}) => ({
  eventId: `api-${reference}`,
  type: 'contribution.paid',
  occurredAt: '2026-10-20T10:00:00+05:00',
  data: {
    iin,
    payer: { kind: 'self', id: iin },
    month: '2026-10',
    amount: '3500.00',
    paidOn: '2026-10-20',
    reference,
    ...over,
  },
});

describe('POST /api/v1/feeds/payments/events in a Kazakh register', () => {
  it('applies a payment naming the person by ИИН, refuses bad fields and another source’s type; replays are duplicates', async () => {
    const person = await createKzPerson(getDb());
    const good = payment(person.iin, `A-${person.iin}`);
    const bad = payment('123456789012', `B-${person.iin}`, { amount: 'много' });
    const foreign = { ...good, eventId: `cat-${person.iin}`, type: 'category.joined' };
    const r = await post('payments', ndjson(good, bad, foreign), keys.payments);
    contract.check(EVENTS_PATH, 'POST', r);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ source: 'payments', received: 3, accepted: 1, rejected: 2 });
    const events = r.body.events as Record<string, unknown>[];
    expect(events[0]).toEqual({
      line: 1,
      eventId: good.eventId,
      type: 'contribution.paid',
      status: 'accepted',
      iin: person.iin,
    });
    // Every invalid field named: the ИИН's century, date and check digit, and the amount.
    expect((events[1]!.errors as { field: string; code: string }[]).map((e) => [e.field, e.code])).toEqual([
      ['data.iin', 'IIN_INVALID_CENTURY'],
      ['data.iin', 'IIN_INVALID_DATE'],
      ['data.iin', 'IIN_INVALID_CHECKSUM'],
      ['data.amount', 'KZ_CONTRIBUTION_AMOUNT_INVALID'],
    ]);
    expect(events[2]).toMatchObject({
      status: 'rejected',
      errors: [{ field: 'type', code: 'FEED_TYPE_NOT_ALLOWED' }],
    });
    const again = await post('payments', ndjson(good), keys.payments);
    expect(again.body).toMatchObject({ accepted: 0, duplicate: 1 });
  });

  it('refuses an invalid ИИН with its check-digit code, recorded, so the replay is a duplicate', async () => {
    const person = await createKzPerson(getDb());
    const broken = person.iin.slice(0, 11) + String((Number(person.iin[11]) + 1) % 10);
    const event = payment(broken, `C-${person.iin}`);
    const r = await post('payments', ndjson(event), keys.payments);
    contract.check(EVENTS_PATH, 'POST', r);
    expect((r.body.events as Record<string, unknown>[])[0]).toMatchObject({
      status: 'rejected',
      errors: [
        {
          field: 'data.iin',
          code: 'IIN_INVALID_CHECKSUM',
          message: expect.stringContaining('ИИН') as unknown,
        },
      ],
    });
    expect((await post('payments', ndjson(event), keys.payments)).body).toMatchObject({ duplicate: 1 });
  });

  it('answers a Russian source as unknown, and a key of the other ОСМС source with 403', async () => {
    const zags = await post('zags', ndjson({}), keys.payments);
    expect(zags.status).toBe(404);
    expect(zags.body).toMatchObject({
      code: 'FEED_SOURCE_UNKNOWN',
      detail: expect.stringContaining('payments и categories') as unknown,
    });
    const wrong = await post('categories', ndjson({}), keys.payments);
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ code: 'FEED_KEY_WRONG_SOURCE' });
    contract.check(EVENTS_PATH, 'POST', wrong);
  });
});

describe('the published schemas of a Kazakh register', () => {
  it('list the payments and category lists’ event types only', async () => {
    const res = await fetch(`${server.base}/api/v1/feeds/schema`);
    const schema = (await res.json()) as {
      $defs: Record<string, { oneOf: { properties: { type: { const: string } } }[] }>;
    };
    expect(Object.keys(schema.$defs)).toEqual(['payments', 'categories']);
    const types = (s: string) => schema.$defs[s]!.oneOf.map((o) => o.properties.type.const);
    expect(types('payments')).toEqual(['contribution.paid', 'contribution.reversed']);
    expect(types('categories')).toEqual(['category.joined', 'category.left']);
    const sourceParameter = (
      contract.document.paths[EVENTS_PATH]!.post as unknown as {
        parameters: { schema: { enum: string[] } }[];
      }
    ).parameters[0]!;
    expect(sourceParameter.schema.enum).toEqual(['payments', 'categories']);
  });
});
