import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { accessLog } from '@/db/schema';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { systemActor } from '@/lib/auth/actor';
import { generateEnp } from '@/lib/domain/ru/enp';
import { setRateLimitClock } from '@/lib/rate-limit/rate-limits';
import { call, query, startApiServer, type TestApiServer } from '@/testing/api/api-server';
import { Contract } from '@/testing/api/contract';

// This file's process gets small limits; the limiter reads them at its first use, below.
process.env.API_RATE_LIMIT_BURST = '3';
process.env.API_RATE_LIMIT_PER_SECOND = '0.25';

// The buckets count time on this clock: a refill happens when the test moves it, however slow the machine.
let now = Date.parse('2026-03-02T09:00:00Z');
setRateLimitClock(() => now);

let server: TestApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(async () => {
  await server?.close();
});

describe('rate limits per API key', () => {
  it('answers 429 with Retry-After once a key has used its burst; other keys are not affected', async () => {
    const admin = systemActor('test-admin');
    const busy = await createApiKey({ moCode: '770001' }, admin);
    const calm = await createApiKey({ moCode: '770002' }, admin);
    const contract = await Contract.fetch(server.base);
    const path = query({ enp: generateEnp('77', 9_999_999_999_999) });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(server.base, path, { key: busy.key })).status);
    expect(statuses).toEqual([404, 404, 404]);

    const limited = await call(server.base, path, { key: busy.key });
    contract.check('/api/v1/lookup', 'GET', limited);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    // One token comes back every 4 s (0.25/s) and the clock has not moved: exactly 4 s to wait.
    expect(limited.headers.get('retry-after')).toBe('4');
    expect(limited.body).toMatchObject({ code: 'RATE_LIMITED', status: 429, retryAfter: 4 });
    expect(limited.body.detail).toMatch(/Повторите через \d+ с/);

    expect((await call(server.base, path, { key: calm.key })).status).toBe(404);
    // The refused request read nobody, so it is not in the access log.
    const rows = await getDb().select().from(accessLog).where(eq(accessLog.actorId, busy.prefix));
    expect(rows).toHaveLength(3);

    // A second before the token is back the key is still refused; at 4 s it may ask once more.
    now += 3_000;
    const still = await call(server.base, path, { key: busy.key });
    expect(still.status).toBe(429);
    expect(still.headers.get('retry-after')).toBe('1');
    now += 1_000;
    expect((await call(server.base, path, { key: busy.key })).status).toBe(404);
    expect((await call(server.base, path, { key: busy.key })).status).toBe(429);
  });

  it('counts only verified keys: requests with a bad key do not drain anybody’s bucket', async () => {
    const own = await createApiKey({ moCode: '770003' }, systemActor('test-admin'));
    const path = query({ enp: generateEnp('77', 9_999_999_999_999) });
    const forged = `${own.key.slice(0, 13)}${'C'.repeat(43)}`;
    for (let i = 0; i < 5; i++) expect((await call(server.base, path, { key: forged })).status).toBe(401);
    expect((await call(server.base, path, { key: own.key })).status).toBe(404);
  });
});
