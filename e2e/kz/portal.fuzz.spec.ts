import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { closeDb } from '../../db/client';
import { formPosts, type Door, type PageForm } from '../fuzz/doors';
import { formsOf } from '../fuzz/forms';
import { fuzzDoors, iinLike } from './fuzz-frame';
import { escaped, fieldValue, hostileText, params, queryString } from '../fuzz/inputs';
import { signInAsSyntheticKz } from '../support/citizen';
import { newKzPerson } from './people';

/**
 * The ОСМС portal's doors in the fuzz suite (issue 9's rules, ADR 0032): the public status check's JSON
 * door and page, the eGov sign-in page, and the signed-in person's upload form — hostile requests must be
 * answered within the deadline, never with a 5xx, in the door's error format, and leave the ОСМС facts as
 * they were (no file part is ever sent, so no upload can succeed).
 */
test.describe.configure({ mode: 'parallel' });

const statusApi: Door = {
  name: 'ОСМС status check API (/api/v1/osms/status)',
  format: 'problem',
  weight: 2,
  requests: () =>
    fc
      .record({
        path: fc.oneof(
          { weight: 8, arbitrary: fc.constant('/api/v1/osms/status') },
          { weight: 1, arbitrary: fc.constantFrom('/api/v1/osms', '/api/v1/osms/status/', '/api/v1/osms/x') },
          { weight: 1, arbitrary: hostileText(30).map((t) => `/api/v1/osms/${escaped(t, false)}`) },
        ),
        method: fc.oneof(
          { weight: 9, arbitrary: fc.constant('GET') },
          { weight: 1, arbitrary: fc.constantFrom('POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS') },
        ),
        pairs: params(['iin', 'enp', 'on'], fieldValue(iinLike)),
        broken: fc.oneof(
          { weight: 7, arbitrary: fc.constant(-1) },
          { weight: 1, arbitrary: fc.nat({ max: 4 }) },
        ),
      })
      .map(({ path, method, pairs, broken }) => ({
        method,
        target: pairs.length ? `${path}?${queryString(pairs, broken)}` : path,
        headers: [],
      })),
};

let forms: { public: PageForm[]; cabinet: PageForm[]; cookie: string };

test.beforeAll(async ({ browser, baseURL }) => {
  const person = await newKzPerson();
  const context = await browser.newContext({ baseURL });
  await signInAsSyntheticKz(await context.newPage(), person.seed, '/kabinet/vremennyi-status');
  const cookie = (await context.cookies())
    .filter((c) => c.domain === new URL(baseURL!).hostname)
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
  await context.close();
  const formsOn = async (path: string, signedIn: boolean) => {
    const res = await fetch(new URL(path, baseURL), { headers: signedIn ? { cookie } : {} });
    expect(res.status, path).toBe(200);
    return formsOf(path, await res.text());
  };
  forms = {
    public: [...(await formsOn('/proverka-statusa', false)), ...(await formsOn('/kabinet/vhod', false))],
    // Forms with fields only: the sign-out button would end the session a few cases in.
    cabinet: (await formsOn('/kabinet/vremennyi-status', true)).filter((f) => f.fields.length > 0),
    cookie,
  };
  expect(forms.public.length, 'the status check and the sign-in forms').toBe(2);
  expect(
    forms.cabinet.some((f) => f.fields.includes('category')),
    'the upload form',
  ).toBe(true);
});

test.afterAll(async () => {
  await closeDb();
});

const doors: (() => Door)[] = [
  () => statusApi,
  () => ({
    name: 'ОСМС public pages (status check, eGov sign-in form posts)',
    format: 'page',
    weight: 2,
    requests: () => formPosts(forms.public, null),
  }),
  () => ({
    name: 'ОСМС cabinet upload form posts',
    format: 'page',
    weight: 2,
    requests: () => formPosts(forms.cabinet, forms.cookie),
  }),
];

fuzzDoors(doors);
