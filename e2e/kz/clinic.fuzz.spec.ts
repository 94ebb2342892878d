import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { closeDb } from '../../db/client';
import { createApiKey } from '../../lib/api-keys/create-api-key';
import { revokeApiKey } from '../../lib/api-keys/revoke-api-key';
import { systemActor } from '../../lib/auth/actor';
import { IIN_SYSTEM } from '../../lib/kz/fhir-systems';
import { formPosts, type Door, type PageForm } from '../fuzz/doors';
import { formsOf } from '../fuzz/forms';
import { fuzzDoors, iinLike } from './fuzz-frame';
import { contentType, escaped, fieldValue, hostileText, oddDate, params, queryString } from '../fuzz/inputs';
import { connectTestDatabase } from '../support/people';
import { newStaff, signInAsOwnStaff } from '../support/staff';

/**
 * The clinic doors of a Kazakh register in the fuzz suite (issue 9's rules, ADR 0033): the REST lookup by
 * ИИН, FHIR search, read and CoverageEligibilityRequest, the registrar's lookup and upload form posts —
 * hostile requests must be answered within the deadline, never with a 5xx, in the door's error format, and
 * leave the ОСМС facts as they were (no file part is ever sent, so no upload can succeed).
 */
test.describe.configure({ mode: 'parallel' });

const isoDate = fc.oneof(oddDate, fc.constantFrom('2026-06-15', '2019-12-31', '2026-11-22'));
const brokenAt = fc.oneof(
  { weight: 7, arbitrary: fc.constant(-1) },
  { weight: 1, arbitrary: fc.nat({ max: 6 }) },
);
const withQuery = (path: string, pairs: [string, string][], broken: number) =>
  pairs.length ? `${path}?${queryString(pairs, broken)}` : path;
const ENP_SYSTEM = 'https://fhir.ru/ig/core/systems/oms';

let keys: string[] = [];
const issued: string[] = [];
let clinic: { cookie: string; forms: PageForm[] };

const authorization = () =>
  fc.oneof(
    { weight: 8, arbitrary: fc.nat({ max: keys.length - 1 }).map((i) => `Bearer ${keys[i]}`) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.constant(''),
        hostileText(60).map((t) => `Bearer ${t}`),
        fc.nat({ max: keys.length - 1 }).map((i) => `Bearer ${keys[i]!.slice(0, -1)}x`),
      ),
    },
  );
const auth = (value: string): [string, string][] => (value ? [['Authorization', value]] : []);

const restLookup: Door = {
  name: 'ОСМС REST lookup (/api/v1/lookup?iin=)',
  format: 'problem',
  weight: 3,
  requests: () =>
    fc
      .record({
        method: fc.oneof(
          { weight: 9, arbitrary: fc.constant('GET') },
          { weight: 1, arbitrary: fc.constantFrom('POST', 'DELETE', 'HEAD', 'OPTIONS') },
        ),
        pairs: params(['iin', 'onDate', 'enp', 'birthDate'], fieldValue(iinLike, isoDate)),
        broken: brokenAt,
        auth: authorization(),
      })
      .map(({ method, pairs, broken, auth: a }) => ({
        method,
        target: withQuery('/api/v1/lookup', pairs, broken),
        headers: auth(a),
      })),
};

const identifierToken = fc.oneof(
  iinLike.map((v) => `${IIN_SYSTEM}|${v}`),
  iinLike.map((v) => `${ENP_SYSTEM}|${v}`),
  hostileText(50),
  fc.tuple(hostileText(20), hostileText(20)).map(([s, v]) => `${s}|${v}`),
);

const fhirSearch: Door = {
  name: 'ОСМС FHIR search and read',
  format: 'fhir',
  weight: 3,
  requests: () =>
    fc
      .record({
        path: fc.oneof(
          fc.constantFrom('/fhir/Patient', '/fhir/Coverage'),
          fc
            .tuple(
              fc.constantFrom('/fhir/Patient/iin-', '/fhir/Coverage/osms-', '/fhir/Patient/enp-'),
              iinLike,
            )
            .map(([p, v]) => `${p}${v}`),
          hostileText(30).map((t) => `/fhir/Patient/${escaped(t, false)}`),
        ),
        pairs: params(
          [
            'identifier',
            'beneficiary.identifier',
            'beneficiary:Patient.identifier',
            'birthdate',
            '_revinclude',
          ],
          fieldValue(identifierToken, isoDate, fc.constant('Coverage:beneficiary')),
        ),
        broken: brokenAt,
        auth: authorization(),
      })
      .map(({ path, pairs, broken, auth: a }) => ({
        method: 'GET',
        target: withQuery(path, pairs, broken),
        headers: auth(a),
      })),
};

const jsonish = fc.oneof(
  fieldValue(iinLike, isoDate),
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(null, 0, -1, true, [], {}),
);

const fhirPost: Door = {
  name: 'ОСМС FHIR CoverageEligibilityRequest',
  format: 'fhir',
  weight: 3,
  requests: () =>
    fc
      .record({
        body: fc.oneof(
          {
            weight: 4,
            arbitrary: fc
              .record({
                system: fc.oneof(fc.constantFrom(IIN_SYSTEM, ENP_SYSTEM), jsonish),
                value: jsonish,
                birthDate: fc.option(jsonish),
                servicedDate: jsonish,
                reference: fc.oneof(
                  fc.constant('#p'),
                  iinLike.map((v) => `Patient/iin-${v}`),
                  hostileText(30),
                ),
              })
              .map(({ system, value, birthDate, servicedDate, reference }) =>
                JSON.stringify({
                  resourceType: 'CoverageEligibilityRequest',
                  status: 'active',
                  purpose: ['validation'],
                  created: '2026-11-22',
                  insurer: { display: 'ФСМС' },
                  servicedDate,
                  contained: [
                    {
                      resourceType: 'Patient',
                      id: 'p',
                      identifier: [{ system, value }],
                      ...(birthDate === null ? {} : { birthDate }),
                    },
                  ],
                  patient: { reference },
                }),
              ),
          },
          { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
          { weight: 1, arbitrary: hostileText(200) },
        ),
        type: fc.oneof(
          { weight: 4, arbitrary: fc.constant('application/fhir+json') },
          { weight: 1, arbitrary: contentType },
        ),
        auth: authorization(),
      })
      .map(({ body, type, auth: a }) => ({
        method: 'POST',
        target: '/fhir/CoverageEligibilityRequest',
        headers: [...auth(a), ...(type ? [['Content-Type', type] as [string, string]] : [])],
        body: Buffer.from(body, 'utf8'),
      })),
};

test.beforeAll(async ({ browser, baseURL }) => {
  connectTestDatabase();
  for (let i = 0; i < 4; i++) {
    const { key, prefix } = await createApiKey(
      { moCode: '750001', label: 'fuzz suite (kz)' },
      systemActor('fuzz-suite'),
    );
    keys.push(key);
    issued.push(prefix);
  }
  const context = await browser.newContext({ baseURL });
  await signInAsOwnStaff(await context.newPage(), await newStaff('clinic_registrar', { moCode: '750001' }));
  const cookie = (await context.cookies())
    .filter((c) => c.domain === new URL(baseURL!).hostname)
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
  await context.close();
  const formsOn = async (path: string) => {
    const res = await fetch(new URL(path, baseURL), { headers: { cookie } });
    expect(res.status, path).toBe(200);
    // Forms with fields only: the sign-out button would end the session a few cases in.
    return formsOf(path, await res.text()).filter((f) => f.fields.length > 0);
  };
  clinic = { cookie, forms: [...(await formsOn('/clinic')), ...(await formsOn('/clinic/vremennyi-status'))] };
  expect(
    clinic.forms.map((f) => f.fields.includes('iin')),
    'the lookup form and the upload form',
  ).toEqual([true, true]);
});

test.afterAll(async () => {
  for (const prefix of issued.splice(0)) await revokeApiKey({ prefix }, systemActor('fuzz-suite'));
  keys = [];
  await closeDb();
});

const doors: (() => Door)[] = [
  () => restLookup,
  () => fhirSearch,
  () => fhirPost,
  () => ({
    name: 'ОСМС registrar: lookup and upload form posts',
    format: 'page',
    weight: 2,
    requests: () => formPosts(clinic.forms, clinic.cookie),
  }),
];

fuzzDoors(doors);
