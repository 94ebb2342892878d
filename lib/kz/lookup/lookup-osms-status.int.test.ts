import type { CoverageEligibilityResponse, OperationOutcome } from '@medplum/fhirtypes';
import { and, asc, eq } from 'drizzle-orm';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OsmsLookupResult } from '@/app/clinic/osms-lookup-result';
import { workspaceOsmsLookup } from '@/app/clinic/workspace-osms-lookup';
import { getDb } from '@/db/client';
import { accessLog } from '@/db/schema';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { systemActor, type Actor } from '@/lib/auth/actor';
import { syntheticIin } from '@/lib/domain/kz/iin';
import { osmsStatusOf } from '@/lib/fhir/kz/coverage';
import { IIN_SYSTEM } from '@/lib/kz/fhir-systems';
import { kzToday } from '@/lib/kz/today';
import { call, startApiServer, type TestApiServer } from '@/testing/api/api-server';
import { fhir } from '@/testing/api/fhir-call';
import { rejection } from '@/testing/expect-error';
import { citizen, d, membership } from '@/testing/kz/osms';
import { createKzPerson } from '@/testing/kz/register';
import { whileRegisterDown } from '@/testing/outage/register-down';
import { lookupOsmsStatus } from './lookup-osms-status';

/**
 * The clinic lookup by ИИН when the register cannot be read (ADR 0033): the status is derived from the last
 * facts known under the domain's "systems down" rule, marked stale, never "not insured" for an ИИН never
 * seen; the reads are logged once the database is back. And permission before anything is read.
 */
let server: TestApiServer;
let key = '';
let keyPrefix = '';
const ON = '2026-06-15';

beforeAll(async () => {
  server = await startApiServer();
  ({ key, prefix: keyPrefix } = await createApiKey({ moCode: '750001' }, systemActor('test-admin')));
});
afterAll(() => server?.close());

/** A lookup on today's date (the visit is today: the outage's rule applies), or on a date given. */
const rest = (iin: string, onDate?: string) =>
  call(
    server.base,
    `/api/v1/lookup?${new URLSearchParams({ iin, ...(onDate ? { onDate } : {}) }).toString()}`,
    {
      key,
    },
  );

describe('the lookup by ИИН while the register is down', () => {
  it('REST: an insured person keeps the right (SYSTEMS_UNAVAILABLE), a person without it keeps the reason, an unknown ИИН is 503', async () => {
    const pensioner = await createKzPerson(getDb(), {
      facts: citizen({ memberships: [membership('PENSIONER', '2020-01-01', null)] }),
    });
    const nobody = await createKzPerson(getDb(), { facts: citizen() });
    const fresh = await rest(pensioner.iin);
    expect(fresh.body).toMatchObject({ insured: true, code: 'STATE_CATEGORY', stale: false });
    expect((await rest(nobody.iin)).body).toMatchObject({ insured: false, code: 'NO_CONTRIBUTIONS' });
    const readOn = kzToday();
    const outageStart = Date.now();

    await whileRegisterDown(async () => {
      const stale = await rest(pensioner.iin);
      expect(stale.status).toBe(200);
      expect(stale.body).toMatchObject({
        insured: true,
        code: 'SYSTEMS_UNAVAILABLE',
        iin: pensioner.iin,
        person: { lastName: pensioner.lastName },
        asOf: readOn,
        until: null,
        stale: true,
        dataUnavailableSince: readOn,
      });
      expect(Date.parse(stale.body.staleSince as string)).toBeLessThanOrEqual(outageStart);
      expect(stale.body.text).toMatch(/право на медицинскую помощь сохраняется до их восстановления/);
      // A visit before the outage began is answered from the facts known, as it was, still marked stale.
      const past = await rest(pensioner.iin, ON);
      expect(past.body).toMatchObject({
        code: 'STATE_CATEGORY',
        asOf: ON,
        stale: true,
        dataUnavailableSince: null,
      });
      const stillNot = await rest(nobody.iin);
      expect(stillNot.body).toMatchObject({
        insured: false,
        code: 'NO_CONTRIBUTIONS',
        stale: true,
        dataUnavailableSince: readOn,
      });
      const unknown = await rest(syntheticIin(d('1990-01-01'), 'male', 9003));
      expect(unknown.status).toBe(503);
      expect(unknown.body).toMatchObject({ code: 'REGISTER_UNAVAILABLE', stale: true, asOf: readOn });
      expect(JSON.stringify(unknown.body)).not.toMatch(/не застрахован|insured/i);
    });

    const back = await rest(pensioner.iin);
    expect(back.body).toMatchObject({ code: 'STATE_CATEGORY', stale: false, dataUnavailableSince: null });
    const rows = await getDb()
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.actorId, keyPrefix), eq(accessLog.channel, 'rest')))
      .orderBy(asc(accessLog.id));
    expect(rows.map((r) => [r.result, r.personId])).toEqual([
      ['found', pensioner.id],
      ['found', nobody.id],
      ['stale', pensioner.id],
      ['stale', pensioner.id],
      ['stale', nobody.id],
      ['unavailable', null],
      ['found', pensioner.id],
    ]);
  });

  it('FHIR: the eligibility answer keeps the right, tagged stale; an unknown ИИН is a 503 OperationOutcome', async () => {
    const p = await createKzPerson(getDb(), {
      facts: citizen({ memberships: [membership('DISABILITY', '2020-01-01', null)] }),
    });
    const body = (iin: string) => ({
      resourceType: 'CoverageEligibilityRequest',
      status: 'active',
      purpose: ['validation'],
      created: ON,
      insurer: { display: 'ФСМС' },
      patient: { identifier: { system: IIN_SYSTEM, value: iin } },
    });
    const post = (iin: string) =>
      fhir<Partial<CoverageEligibilityResponse> & Pick<OperationOutcome, 'issue'>>(
        server.base,
        '/fhir/CoverageEligibilityRequest',
        {
          key,
          body: body(iin),
        },
      );
    expect((await post(p.iin)).body.insurance?.[0]?.inforce).toBe(true);
    await whileRegisterDown(async () => {
      const stale = await post(p.iin);
      expect(stale.status).toBe(200);
      expect(stale.body.meta?.tag?.map((t) => t.code)).toEqual(['stale']);
      expect(stale.body.insurance?.[0]?.inforce).toBe(true);
      expect(osmsStatusOf(stale.body.insurance![0]!)).toMatchObject({
        insured: true,
        ground: 'SYSTEMS_UNAVAILABLE',
        dataUnavailableSince: kzToday(),
        stale: true,
      });
      const unknown = await post(syntheticIin(d('1990-01-01'), 'male', 9004));
      expect(unknown.status).toBe(503);
      expect(unknown.body.issue?.[0]?.code).toBe('transient');
    });
  });

  it('the workspace shows the right kept, never «не застрахован», and «Регистр временно недоступен» for an unknown ИИН', async () => {
    const p = await createKzPerson(getDb(), {
      facts: citizen({ memberships: [membership('PENSIONER', '2020-01-01', null)] }),
    });
    const registrar: Actor = { kind: 'clinic', id: 'registrar-kz-outage', moCode: '750001' };
    const shown = async (iin: string) => {
      const state = await workspaceOsmsLookup(registrar, { iin, onDate: '' });
      expect(state.result, state.formError ?? 'a result').not.toBeNull();
      return renderToStaticMarkup(createElement(OsmsLookupResult, { outcome: state.result! }));
    };
    const fresh = await shown(p.iin);
    expect(fresh).toContain('<h2>Застрахован в системе ОСМС</h2>');
    expect(fresh).not.toContain('Регистр недоступен');
    await whileRegisterDown(async () => {
      const stale = await shown(p.iin);
      expect(stale).toContain('<h2>Застрахован в системе ОСМС</h2>');
      expect(stale).toContain('Регистр недоступен: статус определён по последним известным сведениям');
      expect(stale).toContain('до восстановления информационных систем');
      expect(stale).not.toMatch(/не застрахован/i);
      const unknown = await shown(syntheticIin(d('1990-01-01'), 'female', 9005));
      expect(unknown).toContain('<h2>Регистр временно недоступен</h2>');
      expect(unknown).toContain('Не отказывайте в помощи');
      expect(unknown).not.toMatch(/не застрахован|Не найден/i);
    });
  });
});

describe('permission first', () => {
  it('staff, a citizen and the public cannot use the clinic lookup, and nothing is read or logged', async () => {
    const p = await createKzPerson(getDb(), { facts: citizen() });
    const actors: Actor[] = [
      { kind: 'staff', id: 'admin-kz', role: 'ffoms_admin' },
      { kind: 'citizen', id: 'c-1', personId: p.id, representedPersonIds: [], trusted: true },
      { kind: 'public', id: 'public:0123456789abcdef' },
    ];
    for (const actor of actors) {
      const error = await rejection(
        lookupOsmsStatus({ iin: p.iin as never, onDate: d(ON) }, { actor, channel: 'rest' }),
      );
      expect(error.code, actor.kind).toBe('FORBIDDEN');
    }
    expect(await getDb().select().from(accessLog).where(eq(accessLog.personId, p.id))).toEqual([]);
  });
});
