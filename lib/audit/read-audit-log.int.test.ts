import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { generateEnp } from '@/lib/domain/ru/enp';
import { registerPerson } from '@/lib/register/register-person';
import { rejection } from '@/testing/expect-error';
import { addAccess, addStaffAction, auditActors } from '@/testing/audit/entries';
import { adultInput, metaAt } from '@/testing/register/people';
import { readAuditLog, type AuditEntry } from './read-audit-log';

const { ffoms, tfoms77, tfoms50, smo77 } = auditActors;

let moscowPerson: { id: number; enp: string };
let tverPerson: { id: number; enp: string };

/** The entries as `source:what:actor`, for readable expectations. */
const keys = (entries: AuditEntry[]) => entries.map((e) => `${e.source}:${e.what}:${e.actor}`);

beforeAll(async () => {
  const a = await registerPerson(adultInput(), metaAt('2026-01-15T09:00:00Z'));
  const b = await registerPerson(
    adultInput({
      coverage: { subjectCode: '69', insurerCode: '69001', reason: 'new_policy', on: '2026-01-15' },
      attachment: null,
    }),
    metaAt('2026-01-15T09:00:00Z'),
  );
  moscowPerson = { id: a.personId, enp: a.enp };
  tverPerson = { id: b.personId, enp: b.enp };

  // Oldest first. 09.03 21:30 UTC is already 10.03 in Moscow.
  await addStaffAction({
    at: '2026-03-09T08:00:00Z',
    login: 'tfoms77',
    organisation: 'tfoms:77',
    action: 'sign_in',
  });
  await addStaffAction({
    at: '2026-03-09T09:00:00Z',
    login: 'nobody',
    organisation: null,
    action: 'sign_in_failed',
  });
  await addAccess({
    at: '2026-03-09T10:00:00Z',
    actor: { kind: 'api_key', id: 'key69', moCode: '690001' },
    channel: 'rest',
    personId: moscowPerson.id,
    purpose: 'policy_lookup',
  });
  await addAccess({
    at: '2026-03-09T11:00:00Z',
    actor: { kind: 'clinic', id: 'reg69', moCode: '690001' },
    channel: 'clinic_ui',
    personId: tverPerson.id,
    purpose: 'policy_lookup',
  });
  await addStaffAction({
    at: '2026-03-09T12:00:00Z',
    login: 'smo69001',
    organisation: 'smo:69001',
    action: 'application_decided',
    personId: tverPerson.id,
  });
  await addStaffAction({
    at: '2026-03-09T21:30:00Z',
    login: 'smo77001',
    organisation: 'smo:77001',
    action: 'person_corrected',
    personId: moscowPerson.id,
  });
  // The same instant in both tables: the order still holds (reads before actions at one instant).
  await addAccess({
    at: '2026-03-10T06:00:00Z',
    actor: ffoms,
    channel: 'console',
    personId: tverPerson.id,
    purpose: 'policy_view',
  });
  await addStaffAction({
    at: '2026-03-10T06:00:00Z',
    login: 'admin',
    organisation: 'ffoms',
    action: 'sign_out',
  });
});

describe('readAuditLog: ФФОМС sees everything, newest first', () => {
  it('staff actions and reads in one list, ties broken by kind then id', async () => {
    const page = await readAuditLog({}, ffoms);
    expect(keys(page.entries)).toEqual([
      'r:policy_view:admin',
      'a:sign_out:admin',
      'a:person_corrected:smo77001',
      'a:application_decided:smo69001',
      'r:policy_lookup:reg69',
      'r:policy_lookup:key69',
      'a:sign_in_failed:nobody',
      'a:sign_in:tfoms77',
    ]);
    expect(page.next).toBeNull();
    const lookup = page.entries.find((e) => e.actor === 'key69')!;
    expect(lookup).toMatchObject({
      actorKind: 'api_key',
      organisation: '690001',
      personKey: moscowPerson.enp,
      channel: 'rest',
      whatLabel: 'Проверка полиса (МО)',
    });
    expect(page.entries.find((e) => e.actor === 'smo69001')).toMatchObject({
      channel: 'console',
      personKey: tverPerson.enp,
      whatLabel: 'Решение по заявлению',
    });
  });

  it('pages by keyset: three pages of three, the same entries in the same order, none twice', async () => {
    const whole = keys((await readAuditLog({}, ffoms)).entries);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof readAuditLog>> = await readAuditLog({ after }, ffoms, {
        pageSize: 3,
      });
      seen.push(...keys(page.entries));
      after = page.next;
      pages++;
    } while (after !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual(whole);
  });
});

describe('readAuditLog: filters', () => {
  it.each([
    ['who', { who: 'smo77001' }, ['a:person_corrected:smo77001']],
    ['organisation', { organisation: '690001' }, ['r:policy_lookup:reg69', 'r:policy_lookup:key69']],
    ['organisation, any case', { organisation: 'TFOMS:77' }, ['a:sign_in:tfoms77']],
    ['what: a staff action', { what: 'sign_in_failed' }, ['a:sign_in_failed:nobody']],
    [
      'what: every read',
      { what: 'read' },
      ['r:policy_view:admin', 'r:policy_lookup:reg69', 'r:policy_lookup:key69'],
    ],
    ['what: a read purpose', { what: 'policy_view' }, ['r:policy_view:admin']],
    ['channel: rest (no staff action goes through it)', { channel: 'rest' }, ['r:policy_lookup:key69']],
    [
      'channel: console (staff actions and console reads)',
      { channel: 'console', from: '10.03.2026' },
      ['r:policy_view:admin', 'a:sign_out:admin', 'a:person_corrected:smo77001'],
    ],
    [
      'from–to as Moscow days (21:30 UTC on 09.03 is 10.03 in Moscow)',
      { from: '09.03.2026', to: '09.03.2026' },
      [
        'a:application_decided:smo69001',
        'r:policy_lookup:reg69',
        'r:policy_lookup:key69',
        'a:sign_in_failed:nobody',
        'a:sign_in:tfoms77',
      ],
    ],
  ] as const)('%s', async (_name, filter, expected) => {
    expect(keys((await readAuditLog(filter, ffoms)).entries)).toEqual(expected);
  });

  it('whom: by ЕНП (spaces allowed), staff actions and reads about that person only', async () => {
    const enp = `${tverPerson.enp.slice(0, 4)} ${tverPerson.enp.slice(4)}`;
    const page = await readAuditLog({ person: enp }, ffoms);
    expect(keys(page.entries)).toEqual([
      'r:policy_view:admin',
      'a:application_decided:smo69001',
      'r:policy_lookup:reg69',
    ]);
    expect(page.personFound).toBe(true);
  });

  it('an ЕНП nobody has: an empty page that says so', async () => {
    const page = await readAuditLog({ person: generateEnp('77', 9_999_999_999n) }, ffoms);
    expect(page.entries).toEqual([]);
    expect(page.personFound).toBe(false);
  });

  it('invalid filters: every field named at once, nothing read', async () => {
    const error = await rejection(
      readAuditLog(
        { person: '123', channel: 'telegraph', from: '31.02.2026', what: 'DROP TABLE', organisation: 'a b' },
        ffoms,
      ),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields.map((f) => f.field).sort()).toEqual([
      'channel',
      'from',
      'organisation',
      'person',
      'what',
    ]);
  });

  it('to before from: the field «по» is named', async () => {
    const error = await rejection(readAuditLog({ from: '10.03.2026', to: '09.03.2026' }, ffoms));
    expect(error.fields).toEqual([expect.objectContaining({ field: 'to', code: 'DATE_RANGE_INVALID' })]);
  });

  it('a tampered page link: BAD_REQUEST, not a 500', async () => {
    const error = await rejection(readAuditLog({ after: 'bm90LWEtY3Vyc29y' }, ffoms));
    expect(error.code).toBe('BAD_REQUEST');
  });
});

describe('readAuditLog: scope', () => {
  it('a ТФОМС sees its region: its organisations, and anything about persons insured there', async () => {
    const page = await readAuditLog({}, tfoms77);
    expect(keys(page.entries)).toEqual([
      'a:person_corrected:smo77001', // an insurer of region 77
      'r:policy_lookup:key69', // a clinic of another region reading a person insured in 77
      'a:sign_in:tfoms77', // the fund itself
    ]);
  });

  it('another region’s ТФОМС sees its own region only', async () => {
    const page = await readAuditLog(
      {},
      { kind: 'staff', id: 'tfoms69', role: 'tfoms_operator', subjectCode: '69' },
    );
    expect(keys(page.entries)).toEqual([
      'r:policy_view:admin',
      'a:application_decided:smo69001',
      'r:policy_lookup:reg69',
      'r:policy_lookup:key69',
    ]);
  });

  it('a filter cannot widen the scope', async () => {
    expect((await readAuditLog({ organisation: 'smo:69001' }, tfoms50)).entries).toEqual([]);
    expect((await readAuditLog({ person: tverPerson.enp }, tfoms77)).entries).toEqual([]);
  });

  const denied: [string, Actor][] = [
    ['an insurer’s operator', smo77],
    ['a clinic registrar', { kind: 'clinic', id: 'reg77', moCode: '770001' }],
    ['a clinic API key', { kind: 'api_key', id: 'key77', moCode: '770001' }],
    ['a citizen', { kind: 'citizen', id: 'c1', personId: null, representedPersonIds: [], trusted: true }],
    ['a feed', { kind: 'feed', id: 'zags', source: 'zags' }],
  ];
  it.each(denied)('%s: FORBIDDEN before any filter is looked at', async (_name, actor) => {
    const error = await rejection(readAuditLog({ person: 'not an enp' }, actor));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.fields).toEqual([]);
  });
});
