import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { and, asc, eq } from 'drizzle-orm';
import pg from 'pg';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LookupResult } from '@/app/clinic/lookup-result';
import { workspaceLookup } from '@/app/clinic/workspace-lookup';
import { closeDb, getDb } from '@/db/client';
import { databaseUrl, startEmbeddedPostgres, type EmbeddedServer } from '@/db/embedded';
import { migrateDatabase } from '@/db/migrate';
import { accessLog } from '@/db/schema';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { systemActor, type Actor } from '@/lib/auth/actor';
import { generateEnp } from '@/lib/domain/ru/enp';
import { registerPerson } from '@/lib/register/register-person';
import { adultInput, metaAt } from '@/testing/register/people';
import { call, query, startApiServer, type TestApiServer } from '@/testing/api/api-server';
import { Contract } from '@/testing/api/contract';
import { startTcpProxy, type TcpProxy } from '@/testing/outage/tcp-proxy';

/**
 * Rule 10 under a running server: the register's PostgreSQL is stopped and started again. A server of
 * its own (persistent, so its data survives the stop), reached through a fixed-port forwarder so the
 * application keeps one DATABASE_URL and one pool across the restart, as behind a production address.
 */
const dataDir = `.data/test-degraded-${randomBytes(4).toString('hex')}`;
let database: EmbeddedServer;
let proxy: TcpProxy;
let server: TestApiServer;

beforeAll(async () => {
  await closeDb();
  database = await startEmbeddedPostgres({ dataDir });
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  await admin.query('create database oms_degraded');
  await admin.end();
  proxy = await startTcpProxy(database.port);
  const url = new URL(databaseUrl(database.url, 'oms_degraded'));
  url.hostname = '127.0.0.1';
  url.port = String(proxy.port);
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  await migrateDatabase(pool);
  await pool.end();
  process.env.DATABASE_URL = url.toString();
  server = await startApiServer();
}, 120_000);

afterAll(async () => {
  await server?.close();
  await closeDb();
  await proxy?.close();
  await database?.stop();
  await rm(dataDir, { recursive: true, force: true });
}, 60_000);

describe('degraded mode (the register cannot be read)', () => {
  it('answers from the last known state, never "not insured", and logs the reads once the database is back', async () => {
    const input = adultInput({
      coverage: { insurerCode: '77001', subjectCode: '77', reason: 'new_policy', on: '2025-01-10' },
    });
    const { personId, enp } = await registerPerson(input, metaAt('2025-01-10T09:00:00Z'));
    const { key, prefix } = await createApiKey({ moCode: '770001' }, systemActor('test-admin'));
    const contract = await Contract.fetch(server.base);
    const lookup = async (params: Record<string, string>) => {
      const r = await call(server.base, query(params), { key });
      contract.check('/api/v1/lookup', 'GET', r);
      return r;
    };
    const pool = getDb().$client;

    const fresh = await lookup({ enp });
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ insured: true, stale: false, staleSince: null });

    await database.stop();
    await proxy.refuse();
    const outageStart = Date.now();

    const stale = await lookup({ enp });
    expect(stale.status).toBe(200);
    const { stale: _s, staleSince, ...rest } = stale.body;
    const { stale: _f, staleSince: _n, ...freshRest } = fresh.body;
    expect(rest).toEqual(freshRest); // the same answer…
    expect(stale.body.stale).toBe(true); // …marked stale, with when it was read
    expect(Date.parse(staleSince as string)).toBeLessThanOrEqual(outageStart);

    const unknown = await lookup({ enp: generateEnp('77', 9_999_999_999_999) });
    expect(unknown.status).toBe(503);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(unknown.body).toMatchObject({ code: 'REGISTER_UNAVAILABLE', stale: true });
    expect(unknown.body.detail).toMatch(/Право на медицинскую помощь сохраняется/);
    expect(JSON.stringify(unknown.body)).not.toMatch(/не застрахован|not insured/i);

    database = await startEmbeddedPostgres({ dataDir });
    await proxy.forward(database.port);

    const back = await lookup({ enp });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ stale: false, staleSince: null });
    expect(getDb().$client).toBe(pool); // the same pool, with new connections

    const rows = await getDb()
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.actorKind, 'api_key'), eq(accessLog.actorId, prefix)))
      .orderBy(asc(accessLog.id));
    expect(rows.map((r) => [r.result, r.personId])).toEqual([
      ['found', personId],
      ['stale', personId],
      ['unavailable', null],
      ['found', personId],
    ]);
    for (const row of rows) expect(row).toMatchObject({ channel: 'rest', organisationCode: '770001' });
    expect(rows[1]!.at.getTime()).toBeGreaterThanOrEqual(outageStart - 1000);
    expect(rows[1]!.at.getTime()).toBeLessThan(rows[3]!.at.getTime());
  }, 120_000);

  // Connections dropped rather than refused (a balancer or pgbouncer in front of a dead server, a server
  // dying mid-query) surface inside drizzle's DrizzleQueryError as "Connection terminated unexpectedly";
  // toAppError (lib/register/db-errors.ts) looks through that wrapper, so the lookup still answers from
  // the last known state rather than with a 500.
  it('keeps answering when connections are dropped rather than refused', async () => {
    const { enp } = await registerPerson(adultInput(), metaAt('2026-01-15T09:00:00Z'));
    const { key } = await createApiKey({ moCode: '770001' }, systemActor('test-admin'));
    const lookup = (params: Record<string, string>) => call(server.base, query(params), { key });
    expect((await lookup({ enp })).status).toBe(200);
    proxy.drop();
    try {
      expect((await lookup({ enp })).body).toMatchObject({ stale: true });
      expect((await lookup({ enp: generateEnp('77', 9_999_999_999_998) })).status).toBe(503);
      expect((await lookup({ enp })).body).toMatchObject({ stale: true });
    } finally {
      await proxy.forward(database.port);
    }
  });

  it('the clinic workspace shows the last known state, never «не застрахован»', async () => {
    const { enp } = await registerPerson(adultInput(), metaAt('2026-01-15T09:00:00Z'));
    const registrar: Actor = { kind: 'clinic', id: 'registrar-outage', moCode: '770001' };
    const blank = { mode: 'enp', docType: '', series: '', number: '', birthDate: '', snils: '', onDate: '' };
    /** What the registrar's page shows for a lookup by ЕНП: the workspace's lookup and its result panel. */
    const shown = async (value: string) => {
      const state = await workspaceLookup(registrar, { ...blank, enp: value });
      expect(state.result, state.formError ?? 'a result').not.toBeNull();
      return renderToStaticMarkup(
        createElement(LookupResult, { outcome: state.result!.outcome, warnings: state.result!.warnings }),
      );
    };
    const fresh = await shown(enp);
    expect(fresh).toContain('<h2>Застрахован</h2>');
    expect(fresh).not.toContain('Регистр недоступен');

    proxy.drop();
    try {
      const stale = await shown(enp);
      expect(stale).toContain('<h2>Застрахован</h2>');
      expect(stale).toContain('Регистр недоступен: показано последнее известное состояние');
      expect(stale).toContain('Право на медицинскую помощь сохраняется');
      expect(stale).not.toMatch(/не застрахован/i);
      const unknown = await shown(generateEnp('77', 9_999_999_999_997));
      expect(unknown).toContain('<h2>Регистр временно недоступен</h2>');
      expect(unknown).toContain('Не отказывайте в помощи');
      expect(unknown).not.toMatch(/не застрахован|Не найден/i);
    } finally {
      await proxy.forward(database.port);
    }
  });
});
