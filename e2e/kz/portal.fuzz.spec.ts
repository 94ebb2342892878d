import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { closeDb } from '../../db/client';
import { brokenAt, formPosts, withQuery, type DoorOf, type PageForm } from '../fuzz/doors';
import { formsOf } from '../fuzz/forms';
import { escaped, fieldValue, hostileText, params } from '../fuzz/inputs';
import { signInAsSyntheticKz } from '../support/citizen';
import { sessionCookie } from '../support/cookies';
import { iinLike } from './fuzz-doors';
import { fuzzDoors } from './fuzz-frame';
import { newKzPerson } from './people';

/**
 * The ОСМС portal's doors in the fuzz suite (issue 9's rules, ADR 0032): the public status check's JSON
 * door and page, the eGov sign-in page, and the signed-in person's upload form — hostile requests must be
 * answered within the deadline, never with a 5xx, in the door's error format, and leave the register as
 * it was (the upload's file parts are never a valid document, so no upload succeeds).
 */
test.describe.configure({ mode: 'parallel' });

/** What the portal doors' requests are made from: the public forms, the person's session and cabinet forms. */
interface PortalContext {
  public: PageForm[];
  cabinet: PageForm[];
  cookie: string;
}
type PortalDoor = DoorOf<PortalContext>;

const statusApi: PortalDoor = {
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
        broken: brokenAt,
      })
      .map(({ path, method, pairs, broken }) => ({
        method,
        target: withQuery(path, pairs, broken),
        headers: [],
      })),
};

let forms: PortalContext;

test.beforeAll(async ({ browser, baseURL }) => {
  const person = await newKzPerson();
  const cookie = await sessionCookie(browser, baseURL!, (page) =>
    signInAsSyntheticKz(page, person.seed, '/kabinet/vremennyi-status'),
  );
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
    forms.cabinet.filter((f) => f.fields.includes('category')).map((f) => f.files),
    'the upload form, its document a file field',
  ).toEqual([['document']]);
});

test.afterAll(async () => {
  await closeDb();
});

const doors: PortalDoor[] = [
  statusApi,
  {
    name: 'ОСМС public pages (status check, eGov sign-in form posts)',
    format: 'page',
    weight: 2,
    requests: (ctx) => formPosts(ctx.public, null),
  },
  {
    name: 'ОСМС cabinet upload form posts',
    format: 'page',
    weight: 2,
    requests: (ctx) => formPosts(ctx.cabinet, ctx.cookie),
  },
];

fuzzDoors(doors, () => forms);
