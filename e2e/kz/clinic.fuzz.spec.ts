import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { closeDb } from '../../db/client';
import { createApiKey } from '../../lib/api-keys/create-api-key';
import { revokeApiKey } from '../../lib/api-keys/revoke-api-key';
import { systemActor } from '../../lib/auth/actor';
import { ENP_SYSTEM } from '../../lib/fhir/systems';
import { IIN_SYSTEM } from '../../lib/kz/fhir-systems';
import { brokenAt, formPosts, isoDate, withQuery, type DoorOf, type PageForm } from '../fuzz/doors';
import { formsOf } from '../fuzz/forms';
import { contentType, escaped, fieldValue, hostileText, params } from '../fuzz/inputs';
import { sessionCookie } from '../support/cookies';
import { connectTestDatabase } from '../support/people';
import { iinLike } from './fuzz-doors';
import { fuzzDoors } from './fuzz-frame';
import { newStaff, signInAsOwnStaff } from '../support/staff';

/**
 * The clinic doors of a Kazakh register in the fuzz suite (issue 9's rules, ADR 0033): the REST lookup by
 * ИИН, FHIR search, read and CoverageEligibilityRequest, the registrar's lookup and upload form posts —
 * hostile requests must be answered within the deadline, never with a 5xx, in the door's error format, and
 * leave the register as it was (the upload's file parts are never a valid document, so no upload succeeds).
 */
test.describe.configure({ mode: 'parallel' });

/** What the clinic doors' requests are made from: the suite's API keys, and the registrar's session and forms. */
interface ClinicContext {
  keys: string[];
  cookie: string;
  forms: PageForm[];
}
type ClinicDoor = DoorOf<ClinicContext>;

let ctx: ClinicContext;
const issued: string[] = [];

const authorization = (keys: string[]) =>
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

const restLookup: ClinicDoor = {
  name: 'ОСМС REST lookup (/api/v1/lookup?iin=)',
  format: 'problem',
  weight: 3,
  requests: ({ keys }) =>
    fc
      .record({
        method: fc.oneof(
          { weight: 9, arbitrary: fc.constant('GET') },
          { weight: 1, arbitrary: fc.constantFrom('POST', 'DELETE', 'HEAD', 'OPTIONS') },
        ),
        pairs: params(['iin', 'onDate', 'enp', 'birthDate'], fieldValue(iinLike, isoDate)),
        broken: brokenAt,
        auth: authorization(keys),
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

const fhirSearch: ClinicDoor = {
  name: 'ОСМС FHIR search and read',
  format: 'fhir',
  weight: 3,
  requests: ({ keys }) =>
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
        auth: authorization(keys),
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

const fhirPost: ClinicDoor = {
  name: 'ОСМС FHIR CoverageEligibilityRequest',
  format: 'fhir',
  weight: 3,
  requests: ({ keys }) =>
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
        auth: authorization(keys),
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
  const keys: string[] = [];
  for (let i = 0; i < 4; i++) {
    const { key, prefix } = await createApiKey(
      { moCode: '750001', label: 'fuzz suite (kz)' },
      systemActor('fuzz-suite'),
    );
    keys.push(key);
    issued.push(prefix);
  }
  const cookie = await sessionCookie(browser, baseURL!, async (page) =>
    signInAsOwnStaff(page, await newStaff('clinic_registrar', { moCode: '750001' })),
  );
  const formsOn = async (path: string) => {
    const res = await fetch(new URL(path, baseURL), { headers: { cookie } });
    expect(res.status, path).toBe(200);
    // Forms with fields only: the sign-out button would end the session a few cases in.
    return formsOf(path, await res.text()).filter((f) => f.fields.length > 0);
  };
  ctx = {
    keys,
    cookie,
    forms: [...(await formsOn('/clinic')), ...(await formsOn('/clinic/vremennyi-status'))],
  };
  expect(
    ctx.forms.map((f) => [f.fields.includes('iin'), f.files]),
    'the lookup form, and the upload form with its document a file field',
  ).toEqual([
    [true, []],
    [true, ['document']],
  ]);
});

test.afterAll(async () => {
  for (const prefix of issued.splice(0)) await revokeApiKey({ prefix }, systemActor('fuzz-suite'));
  await closeDb();
});

const registrarForms: ClinicDoor = {
  name: 'ОСМС registrar: lookup and upload form posts',
  format: 'page',
  weight: 2,
  requests: ({ forms, cookie }) => formPosts(forms, cookie),
};

fuzzDoors([restLookup, fhirSearch, fhirPost, registrarForms], () => ctx);
