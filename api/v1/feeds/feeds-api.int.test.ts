import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '@/lib/auth/actor';
import { createFeedKey, revokeFeedKey } from '@/lib/feeds/feed-keys';
import { registerPerson } from '@/lib/register/register-person';
import { startApiServer, type ApiResponse, type TestApiServer } from '@/testing/api/api-server';
import { Contract } from '@/testing/api/contract';
import { birth, event, refOf } from '@/testing/feeds/events';
import { adultInput, metaAt } from '@/testing/register/people';
import { FEED_LIMITS } from './limits';

let server: TestApiServer;
let contract: Contract;
const keys: Record<'zags' | 'mvd' | 'military', string> = { zags: '', mvd: '', military: '' };
const admin = systemActor('feeds-api-test');

beforeAll(async () => {
  server = await startApiServer();
  contract = await Contract.fetch(server.base);
  for (const source of ['zags', 'mvd', 'military'] as const)
    keys[source] = (await createFeedKey({ source }, admin)).key;
});
afterAll(async () => {
  await server?.close();
});

const EVENTS_PATH = '/api/v1/feeds/{source}/events';

async function post(
  path: string,
  body: string | Buffer,
  options: { key?: string | null; contentType?: string } = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/x-ndjson' };
  const key = options.key === undefined ? keys.zags : options.key;
  if (key) headers.authorization = `Bearer ${key}`;
  const res = await fetch(`${server.base}${path}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: JSON.parse(text) as ApiResponse['body'] };
}

const ndjson = (...values: unknown[]) => values.map((v) => JSON.stringify(v)).join('\n') + '\n';

async function motherRef() {
  const input = adultInput();
  const r = await registerPerson(input, metaAt('2026-01-20T09:00:00Z'));
  return refOf({ ...input.person, enp: r.enp });
}

describe('POST /api/v1/feeds/{source}/events', () => {
  it('applies good lines, reports bad ones with line, eventId and field reasons; a replay is all duplicates', async () => {
    const m = await motherRef();
    const good = birth(m);
    const badDate = { ...birth(m), occurredAt: 'вчера' };
    const wrongType = event('service.started', { person: m, startedOn: '2026-02-01' });
    const body = ndjson(good, badDate, wrongType) + '\n' + JSON.stringify([1]) + '\n';
    const r = await post('/api/v1/feeds/zags/events', body);
    contract.check(EVENTS_PATH, 'POST', r);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      source: 'zags',
      received: 4,
      accepted: 1,
      duplicate: 0,
      pending: 0,
      rejected: 3,
    });
    const events = r.body.events as Record<string, unknown>[];
    expect(events[0]).toMatchObject({
      line: 1,
      eventId: good.eventId,
      status: 'accepted',
      enp: expect.stringMatching(/^\d{16}$/) as unknown,
    });
    expect(events[1]).toMatchObject({
      line: 2,
      eventId: badDate.eventId,
      status: 'rejected',
      errors: [{ field: 'occurredAt', code: 'FEED_EVENT_INVALID' }],
    });
    expect(events[2]).toMatchObject({
      line: 3,
      eventId: wrongType.eventId,
      status: 'rejected',
      errors: [{ field: 'type', code: 'FEED_TYPE_NOT_ALLOWED' }],
    });
    expect(events[3]).toMatchObject({
      line: 5,
      eventId: null,
      status: 'rejected',
      errors: [{ field: 'event' }],
    });

    const again = await post('/api/v1/feeds/zags/events', JSON.stringify([good]), {
      contentType: 'application/json',
    });
    contract.check(EVENTS_PATH, 'POST', again);
    expect(again.body).toMatchObject({
      received: 1,
      accepted: 0,
      duplicate: 1,
      events: [{ line: 1, status: 'duplicate', eventId: good.eventId }],
    });
  });

  it('names every missing or invalid field of an event', async () => {
    const r = await post(
      '/api/v1/feeds/military/events',
      ndjson({
        eventId: 'x-1',
        type: 'service.started',
        occurredAt: '2026-02-01T10:00:00+03:00',
        data: { person: { lastName: 'А' }, startedOn: '2026-13-01' },
      }),
      { key: keys.military },
    );
    contract.check(EVENTS_PATH, 'POST', r);
    const [only] = r.body.events as { errors: { field: string; code: string }[] }[];
    expect(only!.errors.map((e) => e.field).sort()).toEqual([
      'data.person.birthDate',
      'data.person.firstName',
      'data.startedOn',
    ]);
    expect(only!.errors.find((e) => e.field === 'data.person.firstName')!.code).toBe('FIELD_REQUIRED');
  });

  it('pending events are answered with why, and listed for the source’s key', async () => {
    const lost = event('service.started', {
      person: { lastName: 'Потерянный', firstName: 'Олег', patronymic: null, birthDate: '1999-09-09' },
      startedOn: '2026-02-01',
    });
    const r = await post('/api/v1/feeds/military/events', ndjson(lost), { key: keys.military });
    expect(r.body.events).toMatchObject([{ status: 'pending', reason: { code: 'FEED_PERSON_NOT_FOUND' } }]);
    const res = await fetch(`${server.base}/api/v1/feeds/military/pending`, {
      headers: { authorization: `Bearer ${keys.military}` },
    });
    const list = {
      status: res.status,
      headers: res.headers,
      body: (await res.json()) as ApiResponse['body'],
    };
    contract.check('/api/v1/feeds/{source}/pending', 'GET', list);
    expect((list.body.events as { eventId: string }[]).map((e) => e.eventId)).toContain(lost.eventId);
    const other = await fetch(`${server.base}/api/v1/feeds/military/pending`, {
      headers: { authorization: `Bearer ${keys.zags}` },
    });
    expect(other.status).toBe(403);
  });

  it('concurrent overlapping posts from two clients: each event accepted exactly once', async () => {
    const m = await motherRef();
    const all = Array.from({ length: 10 }, (_, i) =>
      birth(m, { firstName: 'Ян', birthDate: `2026-01-${String(i + 10)}` }),
    );
    const [a, b] = await Promise.all([
      post('/api/v1/feeds/zags/events', ndjson(...all.slice(0, 7))),
      post('/api/v1/feeds/zags/events', ndjson(...all.slice(3).reverse())),
    ]);
    expect((a.body.accepted as number) + (b.body.accepted as number)).toBe(10);
    expect((a.body.duplicate as number) + (b.body.duplicate as number)).toBe(4);
  });
});

describe('the feed API’s refusals (problem+json, catalogued codes)', () => {
  const cases: {
    name: string;
    path?: string;
    body?: string | Buffer;
    key?: string | null;
    contentType?: string;
    status: number;
    code: string;
  }[] = [
    { name: 'no key', key: null, status: 401, code: 'FEED_KEY_INVALID' },
    {
      name: 'a clinic-style key',
      key: 'oms_00000000_' + 'a'.repeat(43),
      status: 401,
      code: 'FEED_KEY_INVALID',
    },
    { name: 'an unknown key', key: 'feed_00000000_' + 'a'.repeat(43), status: 401, code: 'FEED_KEY_INVALID' },
    {
      name: 'another source’s key',
      path: '/api/v1/feeds/mvd/events',
      status: 403,
      code: 'FEED_KEY_WRONG_SOURCE',
    },
    { name: 'an unknown source', path: '/api/v1/feeds/fns/events', status: 404, code: 'FEED_SOURCE_UNKNOWN' },
    { name: 'a wrong content type', contentType: 'text/csv', status: 415, code: 'FEED_CONTENT_TYPE' },
    {
      name: 'a broken JSON line',
      body: '{"eventId":"a"}\n{broken\n',
      status: 400,
      code: 'FEED_STREAM_MALFORMED',
    },
    {
      name: 'a JSON body that is not an array',
      body: '{"eventId":"a"}',
      contentType: 'application/json',
      status: 400,
      code: 'FEED_STREAM_MALFORMED',
    },
    {
      name: 'a line over the limit',
      body: `{"eventId":"${'x'.repeat(FEED_LIMITS.lineBytes)}"}\n`,
      status: 413,
      code: 'FEED_LINE_TOO_LONG',
    },
    {
      name: 'a body over the limit',
      body: Buffer.alloc(FEED_LIMITS.bodyBytes + 1, 0x20),
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    },
    {
      name: 'too many events',
      body: '{}\n'.repeat(FEED_LIMITS.events + 1),
      status: 413,
      code: 'FEED_TOO_MANY_EVENTS',
    },
  ];
  for (const c of cases) {
    it(`${c.name} → ${c.status} ${c.code}`, async () => {
      const r = await post(c.path ?? '/api/v1/feeds/zags/events', c.body ?? '[]', {
        key: c.key,
        contentType: c.contentType,
      });
      expect(r.status).toBe(c.status);
      expect(r.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
      expect(r.body.code).toBe(c.code);
      if (c.path !== '/api/v1/feeds/fns/events') contract.check(EVENTS_PATH, 'POST', r);
    });
  }

  it('a broken line refuses the whole request: the good line before it is not applied', async () => {
    const m = await motherRef();
    const good = birth(m);
    const r = await post('/api/v1/feeds/zags/events', ndjson(good) + '{"broken\n');
    expect(r.body).toMatchObject({ code: 'FEED_STREAM_MALFORMED', line: 2 });
    const after = await post('/api/v1/feeds/zags/events', ndjson(good));
    expect(after.body).toMatchObject({ accepted: 1, duplicate: 0 });
  });

  it('a revoked key is refused at once', async () => {
    const created = await createFeedKey({ source: 'zags', label: 'to revoke' }, admin);
    expect((await post('/api/v1/feeds/zags/events', '', { key: created.key })).status).toBe(200);
    await revokeFeedKey({ prefix: created.prefix }, admin);
    expect((await post('/api/v1/feeds/zags/events', '', { key: created.key })).body.code).toBe(
      'FEED_KEY_INVALID',
    );
  });

  it('GET on the events path → 405 with Allow', async () => {
    const res = await fetch(`${server.base}/api/v1/feeds/zags/events`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });
});

describe('GET /api/v1/feeds/schema', () => {
  it('publishes every source’s event types as JSON Schema, generated from the validating schemas', async () => {
    const res = await fetch(`${server.base}/api/v1/feeds/schema`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/schema+json; charset=utf-8');
    const schema = (await res.json()) as {
      $defs: Record<string, { oneOf: { properties: { type: { const: string } } }[] }>;
    };
    const types = (s: string) => schema.$defs[s]!.oneOf.map((o) => o.properties.type.const);
    expect(types('zags')).toEqual(['birth.registered', 'death.registered', 'name.changed']);
    expect(types('mvd')).toEqual([
      'citizenship.acquired',
      'passport.issued',
      'passport.replaced',
      'residence-permit.issued',
      'residence-permit.annulled',
    ]);
    expect(types('military')).toEqual(['service.started', 'service.ended']);
    expect(Object.keys(contract.document.paths)).toEqual(
      expect.arrayContaining([EVENTS_PATH, '/api/v1/feeds/schema']),
    );
  });
});
