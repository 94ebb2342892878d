import { expect, test } from '@playwright/test';
import { closeDb } from '../db/client';
import { createApiKey } from '../lib/api-keys/create-api-key';
import { revokeApiKey } from '../lib/api-keys/revoke-api-key';
import { systemActor } from '../lib/auth/actor';
import { signInAsCitizen } from './support/citizen';
import { cookieHeader } from './support/cookies';
import { newStaff, signInAsOwnStaff, signInAsStaff } from './support/staff';
import { CONSOLE_SECTIONS_OF } from '../app/konsol/_shell/sections';
import { ADMIN_FORM_PAGES, DOORS, PORTAL_PAGES, type FuzzContext, type PageForm } from './fuzz/doors';
import { issueFeedKeys } from './fuzz/feed-keys';
import { formsOf } from './fuzz/forms';
import { e2eDatabaseUrl, registerState } from './fuzz/register';
import { CASES, runDoor, SEED } from './fuzz/run-door';

/**
 * Issue 9's fuzz suite: property-based hostile requests at every door that takes outside input (the list
 * is e2e/fuzz/doors.ts), against the production server on its real database. Every answer must come
 * within a second, never be a 5xx other than a deliberate 503, come in the door's error format with the
 * security headers — and the register must be exactly as it was. FUZZ_CASES (default 1500) is the
 * number of cases per door; FUZZ_SEED replays a run. `npm run fuzz -- --cases N` runs only this file.
 */
const KEYS = 24;
/** The citizen whose cabinet is fuzzed (a demo person: the suite only reads, as it proves). */
const CITIZEN = 'active-moscow-parent';
/** The cabinet's pages with forms: every /lk page but the lists and the sign-in, plus the sign-out. */
const CABINET_PAGES = [
  ...PORTAL_PAGES.filter(
    (p) => p.startsWith('/lk/') && !['/lk/zayavleniya', '/lk/prosmotry', '/lk/vhod'].includes(p),
  ),
  '/lk/vyhod',
];

test.describe.configure({ mode: 'parallel' });

let ctx: FuzzContext;
let databaseUrl: string;
const issued: string[] = [];
let revokeFeedKeys: () => Promise<void> = () => Promise.resolve();

test.beforeAll(async ({ browser, baseURL }) => {
  databaseUrl = e2eDatabaseUrl();
  process.env.DATABASE_URL = databaseUrl;
  const admin = systemActor('fuzz-suite');
  const keys: string[] = [];
  for (let i = 0; i < KEYS; i++) {
    const { key, prefix } = await createApiKey({ moCode: '770001', label: 'fuzz suite' }, admin);
    keys.push(key);
    issued.push(prefix);
  }

  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInAsCitizen(page, CITIZEN);
  const citizenCookie = await cookieHeader(context, baseURL!);
  const formsOn = async (path: string, signedIn: boolean): Promise<PageForm[]> => {
    const res = await fetch(new URL(path, baseURL), { headers: signedIn ? { cookie: citizenCookie } : {} });
    expect(res.status, path).toBe(200);
    return formsOf(path, await res.text());
  };
  const portalForms = (await Promise.all(CABINET_PAGES.map((p) => formsOn(p, true)))).flat();
  portalForms.push(...(await formsOn('/lk/vhod', false)));
  const [staffForm] = await formsOn('/vhod', false);
  await context.close();

  // A ТФОМС operator of a region (01) no other test uses: the forms it may post (block, reset, issue a key,
  // decide) find nobody to act on, so fuzzing them cannot change other tests' data. Every console section
  // (the console's one list) a regional fund may open is opened by it and its forms collected.
  const staffContext = await browser.newContext({ baseURL });
  const staffPage = await staffContext.newPage();
  await signInAsOwnStaff(staffPage, await newStaff('tfoms_operator', { subjectCode: '01' }));
  const staffCookie = await cookieHeader(staffContext, baseURL!);
  await staffContext.close();
  const consoleForms = (
    await Promise.all(
      [
        '/konsol',
        ...CONSOLE_SECTIONS_OF.ru
          .filter((section) => section.roles.includes('tfoms_operator'))
          .map((x) => x.href),
      ].map(async (path) => {
        const res = await fetch(new URL(path, baseURL), { headers: { cookie: staffCookie } });
        expect(res.status, path).toBe(200);
        // Forms with fields only: the sign-out buttons (no fields) would end the session a few cases in,
        // leaving the rest of the run to fuzz the sign-in redirect.
        return formsOf(path, await res.text()).filter((f) => f.fields.length > 0);
      }),
    )
  ).flat();
  expect(consoleForms.length, 'forms found on the console pages').toBeGreaterThanOrEqual(4);
  expect(
    consoleForms.some((f) => f.hidden.some(([n]) => n.startsWith('$ACTION'))),
    'the console has server actions',
  ).toBe(true);

  // An insurer's operator: reads the search and card pages, may correct nobody (the suite must change nothing).
  const readerContext = await browser.newContext({ baseURL });
  await signInAsStaff(await readerContext.newPage(), 'smo77001');
  const readerCookie = await cookieHeader(readerContext, baseURL!);
  await readerContext.close();
  const cardForms: PageForm[] = [];
  for (const path of [
    '/konsol/poisk',
    '/konsol/lica/1/ispravlenie?chto=dannye',
    '/konsol/lica/1/ispravlenie?chto=polis&zapis=1',
  ]) {
    const res = await fetch(new URL(path, baseURL), { headers: { cookie: readerCookie } });
    if (res.status === 200) cardForms.push(...formsOf(path, await res.text()));
  }
  expect(cardForms.length, 'forms found in the console').toBeGreaterThanOrEqual(5);

  // A ФФОМС administrator of the suite's own: the directory and calendar forms (no file is ever posted).
  const adminContext = await browser.newContext({ baseURL });
  await signInAsOwnStaff(await adminContext.newPage(), await newStaff('ffoms_admin'));
  const adminCookie = await cookieHeader(adminContext, baseURL!);
  await adminContext.close();
  const adminForms: PageForm[] = [];
  for (const path of ADMIN_FORM_PAGES) {
    const res = await fetch(new URL(path, baseURL), { headers: { cookie: adminCookie } });
    expect(res.status, path).toBe(200);
    adminForms.push(...formsOf(path, await res.text()).filter((f) => f.fields.length > 0));
  }
  expect(adminForms.length, 'forms found on the administrator pages').toBeGreaterThanOrEqual(2);
  expect(portalForms.length, 'forms found in the cabinet').toBeGreaterThan(CABINET_PAGES.length);
  expect(
    staffForm?.hidden.some(([n]) => n.startsWith('$ACTION')),
    'the sign-in form is a server action',
  ).toBe(true);
  const feedKeys = await issueFeedKeys(['zags', 'mvd', 'military'], 'fuzz suite');
  revokeFeedKeys = feedKeys.revoke;
  ctx = {
    keys,
    citizenCookie,
    portalForms,
    staffForm: staffForm!,
    staffCookie,
    consoleForms,
    readerCookie,
    adminCookie,
    adminForms,
    cardForms,
    feedKeys: feedKeys.keys,
  };
});

test.afterAll(async () => {
  const admin = systemActor('fuzz-suite');
  for (const prefix of issued.splice(0)) await revokeApiKey({ prefix }, admin);
  await revokeFeedKeys();
  await closeDb();
});

for (const door of DOORS) {
  test(`fuzz: ${door.name}`, async ({ baseURL }) => {
    // A generous ceiling: the cases are timed one by one against the one-second deadline.
    test.setTimeout(120_000 + CASES * 200);
    const before = await registerState(databaseUrl);
    const run = await runDoor(new URL(baseURL!), door, ctx, CASES, SEED);
    const after = await registerState(databaseUrl);
    console.log(
      `[fuzz] ${run.door}: ${run.cases} cases in ${run.seconds.toFixed(1)} s, slowest ${run.slowestMs} ms, ` +
        `statuses ${JSON.stringify(run.statuses)}`,
    );
    expect(after, 'the register is as it was').toEqual(before);
  });
}
