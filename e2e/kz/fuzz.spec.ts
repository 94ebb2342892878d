import { expect, test } from '@playwright/test';
import { closeDb, getDb } from '../../db/client';
import { CONSOLE_SECTIONS_OF } from '../../app/konsol/_shell/sections';
import { KZ_FEED_SOURCES } from '../../lib/kz/feed-sources';
import { d } from '../../testing/kz/osms';
import { createKzPerson } from '../../testing/kz/register';
import { readKzPersonCard } from '../../lib/kz/console/read-kz-person-card';
import { issueFeedKeys } from '../fuzz/feed-keys';
import { formsOf } from '../fuzz/forms';
import { signInAsSyntheticKz } from '../support/citizen';
import { sessionCookie } from '../support/cookies';
import { connectTestDatabase } from '../support/people';
import { newStaff, signInAsOwnStaff } from '../support/staff';
import { KZ_DOORS, type KzFuzzContext } from './fuzz-doors';
import { fuzzDoors } from './fuzz-frame';
import { ownIin } from './own-iin';
import { newKzPerson } from './people';

/**
 * The fuzz suite of a Kazakh deployment (issue 9's rules, ADR 0034): hostile requests at every Kazakh door
 * (e2e/kz/fuzz-doors.ts) against the production server on its real register. Every answer within a second,
 * never a 5xx other than a deliberate 503, in the door's error format with the security headers — and the
 * register, the ОСМС facts included, exactly as it was. FUZZ_CASES (default 1500) cases per door;
 * FUZZ_SEED replays a run; `npm run fuzz -- --kz` runs only this file.
 */
test.describe.configure({ mode: 'parallel' });

let ctx: KzFuzzContext;
let revokeFeedKeys: () => Promise<void> = () => Promise.resolve();

test.beforeAll(async ({ browser, baseURL }) => {
  connectTestDatabase();
  const person = await createKzPerson(getDb(), {
    iin: ownIin(),
    facts: {
      temporaryStatuses: [
        { category: 'CHILDREN', uploadedOn: d('2026-01-10'), uploadedBy: 'person', revokedOn: null },
      ],
    },
  });
  const admin = await newStaff('ffoms_admin');
  const card = await readKzPersonCard(
    { kind: 'staff', id: admin.login, role: 'ffoms_admin' },
    { personId: person.id, purpose: 'supervision' },
  );
  const temporaryStatusId = card.read.temporaryStatuses[0]!.id;

  const adminCookie = await sessionCookie(browser, baseURL!, (page) => signInAsOwnStaff(page, admin));
  const operatorCookie = await sessionCookie(browser, baseURL!, async (page) =>
    signInAsOwnStaff(page, await newStaff('tfoms_operator', { subjectCode: '10' })),
  );

  const consoleForms = [];
  for (const path of [
    ...CONSOLE_SECTIONS_OF.kz.filter((s) => s.href === '/konsol/poisk').map((s) => s.href),
    // The feed keys' forms (issue, revoke): posted as the branch operator, who may not manage keys.
    '/konsol/lenty/klyuchi',
    `/konsol/lica/${person.id}`,
    `/konsol/lica/${person.id}?cel=temporary_status`,
  ]) {
    const res = await fetch(new URL(path, baseURL), { headers: { cookie: adminCookie } });
    expect(res.status, path).toBe(200);
    consoleForms.push(...formsOf(path, await res.text()).filter((f) => f.fields.length > 0));
  }
  expect(
    consoleForms.some((f) => f.fields.includes('reason')),
    'the revocation form is among the forms',
  ).toBe(true);
  const citizenCookie = await sessionCookie(browser, baseURL!, async (page) =>
    signInAsSyntheticKz(page, (await newKzPerson()).seed, '/kabinet'),
  );
  const registrarCookie = await sessionCookie(browser, baseURL!, async (page) =>
    signInAsOwnStaff(page, await newStaff('clinic_registrar', { moCode: '750001' })),
  );
  const feedKeys = await issueFeedKeys(KZ_FEED_SOURCES, 'fuzz suite (kz)');
  revokeFeedKeys = feedKeys.revoke;
  ctx = {
    adminCookie,
    operatorCookie,
    consoleForms,
    personId: person.id,
    temporaryStatusId,
    citizenCookie,
    registrarCookie,
    feedKeys: feedKeys.keys,
  };
});

test.afterAll(async () => {
  await revokeFeedKeys();
  await closeDb();
});

fuzzDoors(KZ_DOORS, () => ctx);
