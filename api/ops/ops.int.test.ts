import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { enqueueJob, stopJobQueue } from '@/lib/jobs/job-queue';
import { systemActor } from '@/lib/auth/actor';
import { errorForLog } from '@/lib/ops/log-scrub';
import { markStopping } from '@/lib/ops/lifecycle';
import { registerPerson } from '@/lib/register/register-person';
import { query, startApiServer, type TestApiServer } from '@/testing/api/api-server';
import { captureLog, type CapturedLog } from '@/testing/ops/captured-log';
import { whileRegisterDown } from '@/testing/outage/register-down';
import { adultInput, metaAt } from '@/testing/register/people';

let server: TestApiServer;
let key: string;
let person: { enp: string; snils: string; docNumber: string };
let log: CapturedLog | null = null;

beforeAll(async () => {
  server = await startApiServer();
  const input = adultInput({
    coverage: { insurerCode: '77001', subjectCode: '77', reason: 'new_policy', on: '2025-01-10' },
  });
  const { enp } = await registerPerson(input, metaAt('2025-01-10T09:00:00Z'));
  person = { enp, snils: input.person.snils!, docNumber: input.document.number };
  key = (await createApiKey({ moCode: '770001', label: 'МИС для проверки метрик' }, systemActor('ops'))).key;
});
afterEach(() => {
  log?.stop();
  log = null;
  delete process.env.METRICS_TOKEN;
});
afterAll(async () => {
  await stopJobQueue();
  await server?.close();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.base}${path}`, { headers });

/** The sample of `name` with exactly these labels in an exposition text, or 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const want = Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .sort();
  for (const line of text.split('\n')) {
    const m = /^([a-z_]+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = m[2]!.split(',').sort();
    if (have.length === want.length && have.every((l, i) => l === want[i])) return Number(m[3]);
  }
  return 0;
}

describe('request ids and log lines', () => {
  it('gives each request an id, sends it back, and logs the request under it without its query', async () => {
    log = captureLog();
    const r = await get(query({ enp: person.enp }), { authorization: `Bearer ${key}` });
    expect(r.status).toBe(200);
    const id = r.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const line = log.entries().find((e) => e.requestId === id && e.msg === 'request');
    expect(line).toMatchObject({
      method: 'GET',
      path: '/api/v1/lookup',
      door: 'rest',
      status: 200,
      level: 30,
    });
    expect(log.text()).not.toContain(person.enp);
  });

  it("keeps a proxy's well-formed X-Request-Id and replaces one that could forge log lines", async () => {
    const kept = await get('/api/live', { 'x-request-id': 'proxy-7f3a9c1e-0001' });
    expect(kept.headers.get('x-request-id')).toBe('proxy-7f3a9c1e-0001');
    const forged = await get('/api/live', { 'x-request-id': 'abc"}\\n{"level":60' });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('carries the id into the log lines written deeper in the request, with no personal data in them', async () => {
    log = captureLog();
    const r = await whileRegisterDown(() =>
      get(
        query({ docType: 'passport', series: '45 01', number: person.docNumber, birthDate: '1985-03-14' }),
        {
          authorization: `Bearer ${key}`,
          'x-request-id': 'outage-check-000001',
        },
      ),
    );
    expect(r.status).toBe(503);
    const lines = log.entries().filter((e) => e.requestId === 'outage-check-000001');
    // The answer's error, logged by the API layer from inside the request, and the request's own line.
    expect(lines.map((e) => e.msg)).toEqual(['api: answered 5xx', 'request']);
    expect(lines[0]).toMatchObject({ level: 50, err: { type: 'AppError', code: 'REGISTER_UNAVAILABLE' } });
    const text = log.text();
    for (const personal of [person.docNumber, '1985-03-14', 'Смирнова', person.snils, person.enp])
      expect(text).not.toContain(personal);
  });
});

describe('database errors in logs', () => {
  it('keeps the refused value out of a real driver error, and the parameters out of the failed query', async () => {
    const value = `Смирнова ${person.snils} 1985-03-14`;
    const error = await getDb()
      .execute(sql`select ${value}::date`)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(Error);
    const logged = errorForLog(error);
    // The driver's own error is there, by its SQLSTATE (invalid datetime format).
    expect(logged).toMatchObject({ query: 'select $1::date', cause: { code: '22007' } });
    const text = JSON.stringify(logged);
    for (const personal of ['Смирнова', person.snils, '1985-03-14']) expect(text).not.toContain(personal);
  });
});

describe('GET /metrics', () => {
  it('counts requests per door: the counter moves after requests', async () => {
    const labels = { door: 'rest', method: 'GET', status: '200' };
    const before = sample(
      await (await get('/metrics')).text(),
      'oms_http_request_duration_seconds_count',
      labels,
    );
    for (let i = 0; i < 3; i++) {
      const r = await get(query({ enp: person.enp }), { authorization: `Bearer ${key}` });
      expect(r.status).toBe(200);
    }
    const res = await get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(sample(text, 'oms_http_request_duration_seconds_count', labels)).toBe(before + 3);
    // The pools this process opened, the feeds and the job kinds are all reported.
    expect(sample(text, 'oms_db_pool_connections', { pool: 'primary', state: 'total' })).toBeGreaterThan(0);
    expect(text).toMatch(/^oms_feed_silent\{source="zags"\} 0$/m);
    expect(text).toMatch(/^oms_process_resident_memory_bytes \d+/m);
  });

  it("reports the job queue: a queued job raises its kind's depth", async () => {
    const depth = async () =>
      sample(await (await get('/metrics')).text(), 'oms_job_queue_depth', { job: 'duplicates.scan' });
    const before = await depth();
    await enqueueJob('duplicates.scan');
    await enqueueJob('duplicates.scan');
    expect(await depth()).toBe(before + 2);
  });

  it('with METRICS_TOKEN set, refuses a request without the token or with a wrong one (401), takes the right one', async () => {
    process.env.METRICS_TOKEN = 'metrics-token-of-the-test-0001';
    const none = await get('/metrics');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(none.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(await none.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    const wrong = await get('/metrics', { authorization: 'Bearer metrics-token-of-the-test-0002' });
    expect(wrong.status).toBe(401);
    const right = await get('/metrics', { authorization: 'Bearer metrics-token-of-the-test-0001' });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('oms_http_request_duration_seconds_bucket');
  });

  it('answers other methods 405 in the problem format', async () => {
    const r = await fetch(`${server.base}/metrics`, { method: 'POST' });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('GET');
    expect(await r.json()).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });
  });
});

describe('liveness and readiness', () => {
  it('/api/live answers without the database', async () => {
    const r = await whileRegisterDown(() => get('/api/live'));
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ status: 'live' });
  });

  it('/api/ready: ready on the primary with current migrations; not ready when the database is down', async () => {
    const up = await get('/api/ready');
    expect(up.status).toBe(200);
    expect(await up.json()).toMatchObject({
      status: 'ready',
      role: 'primary',
      database: 'up',
      migrationsCurrent: true,
      reasons: [],
    });
    const down = await whileRegisterDown(() => get('/api/ready'));
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({
      status: 'not-ready',
      role: 'unknown',
      reasons: ['DATABASE_DOWN'],
    });
  });

  // Last: the process stays "stopping" from here on.
  it('/api/ready answers not ready at once when the process is stopping', async () => {
    markStopping();
    const r = await get('/api/ready');
    expect(r.status).toBe(503);
    expect(r.headers.get('connection')).toBe('close');
    expect(await r.json()).toMatchObject({ status: 'not-ready', role: 'primary', reasons: ['STOPPING'] });
  });
});
