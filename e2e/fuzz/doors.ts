import fc from 'fast-check';
import {
  contentType,
  escaped,
  fieldValue,
  hostileText,
  oddDate,
  overlong,
  params,
  queryString,
  cookieHeader,
  ownWriteCookie,
} from './inputs';
import { CONSOLE_SECTIONS_OF } from '../../app/konsol/_shell/sections';
import { TEMPORARY_DOCUMENT_MAX_BYTES } from '../../lib/domain/kz/temporary-document';
import type { WireRequest } from './wire';

/**
 * Every door of the service that takes input from outside, in one list: the fuzz suite (e2e/fuzz.spec.ts)
 * runs each with its share of the cases. A new door (the console, the feeds) is one more entry here: how
 * to make hostile requests for it, and the format its errors come in.
 */

/** A form found on a page: where it posts, its hidden inputs (server-action ids) and its field names. */
export interface PageForm {
  page: string;
  action: string;
  hidden: [string, string][];
  fields: string[];
  /** The fields that take a file (`<input type="file">`): posts send file parts for them. */
  files?: string[];
}

export interface FuzzContext {
  /** Valid API keys of the suite (several, so the per-key rate limit does not answer every case). */
  keys: string[];
  /** `Cookie` header value of a signed-in citizen. */
  citizenCookie: string;
  /** Forms of the citizen's cabinet and journeys (server actions and route handlers under /lk). */
  portalForms: PageForm[];
  /** The staff sign-in form (/vhod). */
  staffForm: PageForm;
  /** `Cookie` header value of a signed-in console employee (a ТФОМС operator of a region nobody else uses). */
  staffCookie: string;
  /** Forms of the console's pages (every section's server actions), as that employee finds them. */
  consoleForms: PageForm[];
  /** `Cookie` header value of a signed-in insurer's operator (may read, may not correct: the suite only reads). */
  readerCookie: string;
  /** `Cookie` header value of a ФФОМС administrator of the suite's own (with its second factor passed). */
  adminCookie: string;
  /** Forms of the administrator-only pages (directory import, calendar loading), as that administrator finds them. */
  adminForms: PageForm[];
  /** Forms of the console's search and correction pages, as that operator sees them. */
  cardForms: PageForm[];
  /** A valid key of each agency feed, by source. */
  feedKeys: Record<'zags' | 'mvd' | 'military', string>;
}

/**
 * The error format of a door: RFC 9457 problem+json, a FHIR OperationOutcome, a Russian page (HTML, or
 * a redirect to one), or — for request lines the HTTP parser itself refuses — any 4xx.
 */
export type ErrorFormat = 'problem' | 'fhir' | 'page' | 'http';

/** A door whose requests are made from a context of its suite's own (what the suite's beforeAll set up). */
export interface DoorOf<Context> {
  name: string;
  format: ErrorFormat;
  /** Pages that take a return address: every redirect must stay on the site (no open redirect). */
  sameSiteRedirects?: boolean;
  /** Share of the run's cases, relative to the other doors (slow doors get fewer). */
  weight: number;
  requests: (ctx: Context) => fc.Arbitrary<WireRequest>;
}

/** A door of the Russian suite (e2e/fuzz.spec.ts). */
export type Door = DoorOf<FuzzContext>;

const authorization = (keys: string[]) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.nat({ max: keys.length - 1 }).map((i) => `Bearer ${keys[i]}`) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.constant(''),
        fc.constant('Bearer'),
        hostileText(60).map((t) => `Bearer ${t}`),
        fc.constantFrom('Basic YWRtaW46YWRtaW4=', 'bearer  x', `Bearer ${'A'.repeat(5000)}`),
        fc.nat({ max: keys.length - 1 }).map((i) => `Bearer ${keys[i]!.slice(0, -1)}x`),
      ),
    },
  );

export const brokenAt = fc.oneof(
  { weight: 7, arbitrary: fc.constant(-1) },
  { weight: 1, arbitrary: fc.nat({ max: 8 }) },
);

/** `?a=b&…` from pairs, or nothing. */
export const withQuery = (path: string, pairs: [string, string][], broken: number) =>
  pairs.length ? `${path}?${queryString(pairs, broken)}` : path;

export const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
const enpLike = fc.oneof(digits(16), fc.constant('7700000000000016'), digits(15), digits(17));
const snilsLike = fc.oneof(digits(11), fc.constant('112-233-445 95'));
export const isoDate = fc.oneof(oddDate, fc.constantFrom('1985-03-14', '1990-01-01', '2026-11-22'));

const REST_PARAMS = ['docType', 'series', 'number', 'birthDate', 'enp', 'snils', 'onDate'] as const;
const docType = fc.constantFrom(
  '14',
  '3',
  '26',
  '9',
  '25',
  'passport',
  'birth-certificate',
  '0',
  '-1',
  '14.0',
  '1e1',
);

const rest: Door = {
  name: 'REST /api/v1',
  format: 'problem',
  weight: 3,
  requests: ({ keys }) =>
    fc
      .record({
        path: fc.oneof(
          { weight: 8, arbitrary: fc.constant('/api/v1/lookup') },
          {
            weight: 1,
            arbitrary: fc.constantFrom('/api/v1/openapi.json', '/api/v1/', '/api/v1/lookup/', '/api/v1/x'),
          },
          { weight: 1, arbitrary: hostileText(30).map((t) => `/api/v1/${escaped(t, false)}`) },
        ),
        method: fc.oneof(
          { weight: 9, arbitrary: fc.constant('GET') },
          {
            weight: 1,
            arbitrary: fc.constantFrom('POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'TRACE'),
          },
        ),
        pairs: params(REST_PARAMS, fieldValue(docType, enpLike, snilsLike, isoDate)),
        broken: brokenAt,
        auth: authorization(keys),
      })
      .map(({ path, method, pairs, broken, auth }) => ({
        method,
        target: withQuery(path, pairs, broken),
        headers: auth ? [['Authorization', auth]] : [],
      })),
};

const F011 = 'https://oms-register.ru/fhir/CodeSystem/f011';
const OMS = 'https://fhir.ru/ig/core/systems/oms';
const SNILS = 'https://fhir.ru/ig/core/systems/snils';
const identifierToken = fc.oneof(
  enpLike.map((v) => `${OMS}|${v}`),
  snilsLike.map((v) => `${SNILS}|${v}`),
  fc.tuple(docType, hostileText(30)).map(([t, v]) => `${F011}|${t}|${v}`),
  hostileText(30).map((v) => `${F011}|26|${v}`),
  hostileText(50),
  fc.tuple(hostileText(20), hostileText(20)).map(([s, v]) => `${s}|${v}`),
);
const FHIR_PARAMS = [
  'identifier',
  'identifier:of-type',
  'birthdate',
  '_revinclude',
  '_format',
  'beneficiary.identifier',
  'beneficiary.identifier:of-type',
  'beneficiary.birthdate',
  'beneficiary:Patient.identifier',
  '_count',
  '_elements',
] as const;

const fhirSearch: Door = {
  name: 'FHIR search',
  format: 'fhir',
  weight: 3,
  requests: ({ keys }) =>
    fc
      .record({
        resource: fc.constantFrom('Patient', 'Coverage', 'CoverageEligibilityRequest', 'Observation', ''),
        pairs: params(
          FHIR_PARAMS,
          fieldValue(
            identifierToken,
            isoDate,
            fc.constantFrom('Coverage:beneficiary', 'json', 'xml', 'application/fhir+xml'),
          ),
        ),
        broken: brokenAt,
        auth: authorization(keys),
        accept: fc.constantFrom(
          '',
          'application/fhir+json',
          'application/fhir+xml',
          'text/html',
          '*/*',
          '\u0000',
        ),
      })
      .map(({ resource, pairs, broken, auth, accept }) => ({
        method: 'GET',
        target: withQuery(`/fhir/${resource}`, pairs, broken),
        headers: [
          ...(auth ? [['Authorization', auth] as [string, string]] : []),
          ...(accept ? [['Accept', accept] as [string, string]] : []),
        ],
      })),
};

const fhirRead: Door = {
  name: 'FHIR read',
  format: 'fhir',
  weight: 2,
  requests: ({ keys }) =>
    fc
      .record({
        resource: fc.constantFrom('Patient', 'Coverage', 'Patient', 'Coverage', 'metadata', 'Organization'),
        id: fc.oneof(
          enpLike.map((e) => `enp-${e}`),
          enpLike.map((e) => `oms-${e}`),
          hostileText(40),
          overlong,
        ),
        raw: fc.constantFrom(false, false, true),
        broken: fc.boolean(),
        tail: fc.constantFrom('', '', '/_history/1', '/', '/$everything', '?_format=xml'),
        auth: authorization(keys),
      })
      .map(({ resource, id, raw, broken, tail, auth }) => ({
        method: 'GET',
        // `raw` sends the id's bytes unencoded where HTTP allows them, as a careless client would.
        target: `/fhir/${resource}/${raw ? id.replace(/[^\x21-\x7e]/g, (c) => escaped(c, false)) : escaped(id, broken)}${tail}`,
        headers: auth ? [['Authorization', auth]] : [],
      })),
};

/** A CoverageEligibilityRequest as an МИС would send it, to be bent out of shape. */
function eligibilityRequest(
  identifier: object,
  birthDate: unknown,
  servicedDate: unknown,
): Record<string, unknown> {
  return {
    resourceType: 'CoverageEligibilityRequest',
    identifier: [{ system: 'urn:mis:requests', value: 'fuzz' }],
    status: 'active',
    purpose: ['validation'],
    created: '2026-11-22',
    insurer: { display: 'СМО' },
    servicedDate,
    contained: [{ resourceType: 'Patient', id: 'p', identifier: [identifier], birthDate }],
    patient: { reference: '#p' },
  };
}

const jsonish = fc.oneof(
  fieldValue(enpLike, isoDate),
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(null, 0, -1, 1e308, true, [], {}),
);

const fhirPost: Door = {
  name: 'FHIR POST',
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
                system: fc.oneof(
                  fc.constantFrom(OMS, SNILS, 'https://fhir.ru/ig/core/systems/identity-document'),
                  jsonish,
                ),
                type: fc.oneof(
                  docType.map((code) => ({ coding: [{ system: F011, code }] })),
                  jsonish,
                ),
                value: jsonish,
                birthDate: jsonish,
                servicedDate: jsonish,
              })
              .map(({ system, type, value, birthDate, servicedDate }) =>
                JSON.stringify(eligibilityRequest({ system, type, value }, birthDate, servicedDate)),
              ),
          },
          { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
          // Truncated JSON: a valid request cut anywhere.
          {
            weight: 1,
            arbitrary: fc
              .nat({ max: 400 })
              .map((n) =>
                JSON.stringify(
                  eligibilityRequest({ system: OMS, value: '7700000000000016' }, '1990-01-01', '2026-11-22'),
                ).slice(0, n),
              ),
          },
          // Over the 64 KiB limit.
          {
            weight: 1,
            arbitrary: fc
              .integer({ min: 65_537, max: 300_000 })
              .map((n) => `{"resourceType":"CoverageEligibilityRequest","x":"${'a'.repeat(n)}"}`),
          },
          { weight: 1, arbitrary: hostileText(200) },
        ),
        type: fc.oneof(
          { weight: 4, arbitrary: fc.constant('application/fhir+json') },
          { weight: 1, arbitrary: contentType },
        ),
        path: fc.constantFrom(
          '/fhir/CoverageEligibilityRequest',
          '/fhir/CoverageEligibilityRequest',
          '/fhir/Patient',
          '/fhir/CoverageEligibilityRequest/1',
        ),
        truncate: fc.oneof(
          { weight: 9, arbitrary: fc.constant(false) },
          { weight: 1, arbitrary: fc.constant(true) },
        ),
        auth: authorization(keys),
      })
      .map(({ body, type, path, truncate, auth }) => {
        const bytes = Buffer.from(body, 'utf8');
        return {
          method: 'POST',
          target: path,
          headers: [
            ...(auth ? [['Authorization', auth] as [string, string]] : []),
            ...(type ? [['Content-Type', type] as [string, string]] : []),
          ],
          body: bytes,
          // The client promises the whole body, sends half, and closes its side.
          ...(truncate ? { truncateBodyAt: Math.floor(bytes.length / 2), halfClose: true } : {}),
        };
      }),
};

/** The portal's and staff pages that take query strings; the signed-in cabinet's are under /lk/. */
export const PORTAL_PAGES = [
  '/',
  '/lk',
  '/lk/polis',
  '/lk/zayavleniya',
  '/lk/prosmotry',
  '/lk/uvedomleniya',
  '/lk/poluchit-polis',
  '/lk/smena-smo',
  '/lk/pereezd',
  '/lk/poliklinika',
  '/lk/priostanovit',
  '/lk/vozobnovit',
  '/lk/rebenok',
  '/lk/vhod',
  '/lk/vyhod',
  '/vhod',
  '/clinic',
  '/sostoyanie',
  '/dlya-mo/api',
  `/verify/${'0'.repeat(26)}`,
] as const;
export const PORTAL_PARAMS = [
  'chelovek',
  'next',
  'shag',
  'step',
  'stranica',
  'page',
  'otmecheno',
  'oshibka',
  'error',
  'callbackUrl',
  'id',
  // The lookups' journal pages earlier entries by `do` (Russia's /lk/prosmotry, Kazakhstan's /kabinet/prosmotry).
  'do',
];

const portalQuery: Door = {
  name: 'portal pages (query strings, path segments)',
  format: 'page',
  sameSiteRedirects: true,
  weight: 2,
  requests: ({ citizenCookie }) =>
    fc
      .record({
        path: fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...PORTAL_PAGES) },
          {
            weight: 3,
            arbitrary: fc
              .tuple(
                fc.constantFrom('/lk/zayavleniya/', '/verify/', '/lk/'),
                fc.oneof(
                  hostileText(30),
                  overlong,
                  fc.constantFrom('2026-00000001', 'ABCDE-FGHJK-MNPQR-STVWX-YZ0123'),
                ),
                fc.boolean(),
              )
              .map(([prefix, segment, broken]) => `${prefix}${escaped(segment, broken)}`),
          },
        ),
        pairs: params(
          PORTAL_PARAMS,
          fieldValue(
            digits(3),
            fc.constantFrom('/lk', '//evil.example', 'https://evil.example/', 'javascript:alert(1)'),
          ),
        ),
        broken: brokenAt,
        signedIn: fc.boolean(),
        ownWrite: ownWriteCookie,
      })
      .map(({ path, pairs, broken, signedIn, ownWrite }) => ({
        method: 'GET',
        target: withQuery(path, pairs, broken),
        headers: cookieHeader(signedIn ? citizenCookie : null, ownWrite),
      })),
};

/** The most a document upload takes (the ОСМС temporary status's document, 5 MiB). */
const DOCUMENT_LIMIT = TEMPORARY_DOCUMENT_MAX_BYTES;

/** A file part: its field, the name the client claims, its bytes. */
type FilePart = [field: string, filename: string, bytes: Buffer];

/**
 * Bytes for a file field that are never a valid PDF, JPEG or PNG — none, junk, a signature cut short, or
 * more than the 5 MiB a document upload takes — so no upload can succeed and the register stays as it was.
 */
const notADocument: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(Buffer.alloc(0)) },
  { weight: 4, arbitrary: hostileText(300).map((t) => Buffer.from(`x${t}`, 'utf8')) },
  { weight: 2, arbitrary: fc.constantFrom('%PD', '\xff\xd8', '\x89PN').map((s) => Buffer.from(s, 'latin1')) },
  { weight: 1, arbitrary: fc.constant(Buffer.alloc(DOCUMENT_LIMIT + 1, 0x25)) },
);
const fileName = fc.oneof(
  fc.constantFrom('spravka.pdf', 'фото.jpg', '', '../../etc/passwd', 'a"b.png', `${'я'.repeat(300)}.pdf`),
  hostileText(40),
);

/** One to two file parts for the form's file fields (none when it has none). */
const fileParts = (form: PageForm): fc.Arbitrary<FilePart[]> =>
  form.files?.length
    ? fc.array(fc.tuple(fc.constantFrom(...form.files), fileName, notADocument), {
        minLength: 1,
        maxLength: 2,
      })
    : fc.constant([]);

/** Encodes fields (and file parts) as multipart/form-data or urlencoded, sometimes malformed, with a claimed content type. */
const formBody = (fields: [string, string][], files: FilePart[]) =>
  fc
    .record({
      kind: fc.constantFrom('multipart', 'multipart', 'urlencoded', 'broken-multipart', 'json'),
      boundary: fc.constantFrom('----fuzz', 'x', '----fuzz'),
    })
    .map(({ kind, boundary }): { type: string; body: Buffer } => {
      switch (kind) {
        case 'urlencoded':
          return {
            type: 'application/x-www-form-urlencoded',
            body: Buffer.from(fields.map(([n, v]) => `${escaped(n, false)}=${escaped(v, false)}`).join('&')),
          };
        case 'json':
          return { type: 'application/json', body: Buffer.from(JSON.stringify(Object.fromEntries(fields))) };
        default: {
          const parts = [
            ...fields.map(([n, v]) =>
              Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`),
            ),
            ...files.flatMap(([n, filename, bytes]) => [
              Buffer.from(
                `--${boundary}\r\nContent-Disposition: form-data; name="${n}"; filename="${filename}"\r\n` +
                  'Content-Type: application/pdf\r\n\r\n',
              ),
              bytes,
              Buffer.from('\r\n'),
            ]),
          ];
          const whole = Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]);
          return kind === 'broken-multipart'
            ? {
                type: `multipart/form-data; boundary=${boundary}`,
                body: whole.subarray(0, Math.max(0, whole.length - 7 - fields.length)),
              }
            : { type: `multipart/form-data; boundary=${boundary}`, body: whole };
        }
      }
    });

/** Posts to one of `forms`: its hidden inputs (kept, bent or dropped), its fields and strangers, hostile values. */
export function formPosts(forms: PageForm[], cookie: string | null): fc.Arbitrary<WireRequest> {
  return fc
    .nat({ max: forms.length - 1 })
    .chain((i) => {
      const form = forms[i]!;
      const names = [...form.fields, ...form.hidden.map(([n]) => n)];
      return fc.record({
        form: fc.constant(form),
        hidden: fc.oneof(
          { weight: 6, arbitrary: fc.constant(form.hidden) },
          { weight: 1, arbitrary: fc.constant([] as [string, string][]) },
          {
            weight: 1,
            arbitrary: hostileText(40).map((v) => form.hidden.map(([n]) => [n, v] as [string, string])),
          },
        ),
        fields: fc.array(
          fc.tuple(
            fc.oneof(
              { weight: 5, arbitrary: fc.constantFrom(...(names.length ? names : ['x'])) },
              { weight: 1, arbitrary: hostileText(20) },
            ),
            fieldValue(digits(2), isoDate, fc.constantFrom('on', 'continue', 'submit', 'change:start', '')),
          ),
          { maxLength: 10 },
        ),
        origin: fc.constantFrom(null, null, null, 'https://evil.example', 'null'),
        signedIn: cookie === null ? fc.constant(false) : fc.constantFrom(true, true, true, false),
        ownWrite: ownWriteCookie,
        files: fileParts(form),
      });
    })
    .chain(({ form, hidden, fields, origin, signedIn, ownWrite, files }) =>
      formBody([...hidden, ...fields], files).map(({ type, body }) => ({
        method: 'POST',
        target: form.action,
        headers: [
          ['Content-Type', type],
          // A cross-site post is refused at the edge before its body is read: a client still sending
          // megabytes then meets a TCP reset that can discard the answer before it is read. So the
          // oversize files go same-site, where the upload's own size check answers them.
          ...(origin && !files.some(([, , bytes]) => bytes.length > DOCUMENT_LIMIT)
            ? [['Origin', origin] as [string, string]]
            : []),
          ...cookieHeader(signedIn ? cookie : null, ownWrite),
        ] as [string, string][],
        body,
      })),
    );
}

const portalForms: Door = {
  name: 'portal form posts (/lk server actions and route handlers)',
  format: 'page',
  weight: 2,
  requests: ({ portalForms: forms, citizenCookie }) => formPosts(forms, citizenCookie),
};

const staffSignIn: Door = {
  name: 'staff sign-in (/vhod)',
  format: 'page',
  weight: 1,
  requests: ({ staffForm }) => formPosts([staffForm], null),
};

/** The console's pages (one list: its sections) and its route handlers that take a query string. */
export const CONSOLE_PAGES = [
  '/konsol',
  ...CONSOLE_SECTIONS_OF.ru.map((s) => s.href),
  '/konsol/zhurnal/vygruzka',
  // Where the console's nested layouts send a refusal: they answer 403 and 404 with the site's own pages.
  '/net-dostupa',
  '/ne-naideno',
];

const CONSOLE_PARAMS = [
  // The audit log's filters and page cursor.
  'kto',
  'organizaciya',
  'enp',
  'chto',
  'kanal',
  's',
  'po',
  'dalee',
  // Common names of the other sections' filters and pages.
  'status',
  'vid',
  'region',
  'smo',
  'nomer',
  'stranica',
  'q',
  'next',
];

const consoleQuery: Door = {
  name: 'console pages (query strings, path segments)',
  format: 'page',
  weight: 2,
  requests: ({ staffCookie }) =>
    fc
      .record({
        path: fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...CONSOLE_PAGES) },
          {
            weight: 1,
            arbitrary: fc
              .tuple(fc.constantFrom(...CONSOLE_PAGES.map((p) => `${p}/`)), hostileText(30), fc.boolean())
              .map(([prefix, segment, broken]) => `${prefix}${escaped(segment, broken)}`),
          },
        ),
        pairs: params(
          CONSOLE_PARAMS,
          fieldValue(digits(16), isoDate, fc.constantFrom('read', 'sign_in', 'rest')),
        ),
        broken: brokenAt,
        signedIn: fc.constantFrom(true, true, true, false),
      })
      .map(({ path, pairs, broken, signedIn }) => ({
        method: 'GET',
        target: withQuery(path, pairs, broken),
        headers: signedIn ? [['Cookie', staffCookie]] : [],
      })),
};

/** The console pages of staff accounts and keys (h-auth); each takes query strings. */
export const CONSOLE_ACCOUNT_PAGES = [
  '/konsol/profil',
  '/konsol/sotrudniki',
  '/konsol/klyuchi',
  '/vhod/kod',
  '/vhod/podklyuchenie',
] as const;

const consoleAccounts: Door = {
  name: 'console: profile, staff accounts, API keys (pages and server actions)',
  format: 'page',
  weight: 1,
  requests: ({ staffCookie, consoleForms }) =>
    fc.oneof(
      formPosts(consoleForms, staffCookie),
      fc
        .record({
          path: fc.oneof(
            fc.constantFrom(...CONSOLE_ACCOUNT_PAGES),
            fc
              .tuple(fc.oneof(hostileText(20), digits(3), overlong), fc.boolean())
              .map(([segment, broken]) => `/konsol/sotrudniki/${escaped(segment, broken)}`),
          ),
          pairs: params(
            ['sdelano', 'oshibka', 'otozvan', 'next'],
            fieldValue(digits(8), fc.constantFrom('blocked', 'NOT_FOUND')),
          ),
          broken: brokenAt,
          signedIn: fc.constantFrom(true, true, false),
        })
        .map(({ path, pairs, broken, signedIn }) => ({
          method: 'GET',
          target: withQuery(path, pairs, broken),
          headers: signedIn ? ([['Cookie', staffCookie]] as [string, string][]) : [],
        })),
    ),
};

const CARD_PARAMS = ['cel', 'zayavlenie', 'izvestno', 'ispravleno', 'chto', 'zapis', 'next'];

/**
 * The register search, the person card and the correction pages: hostile path segments and query strings
 * (purpose, application number, "as known at", what to correct), and posts to the search and correction
 * forms, as an insurer's operator (who may read but never correct, so no case can change the register).
 */
const consoleCard: Door = {
  name: 'console search, person card and corrections (/konsol)',
  format: 'page',
  weight: 2,
  requests: ({ readerCookie, cardForms }) =>
    fc.oneof(
      fc
        .record({
          path: fc.oneof(
            fc.constantFrom('/konsol/poisk', '/konsol/lica/1', '/konsol/lica/1/ispravlenie'),
            fc
              .tuple(fc.oneof(hostileText(20), overlong, digits(18), fc.constant('0')), fc.boolean())
              .map(([segment, broken]) => `/konsol/lica/${escaped(segment, broken)}`),
          ),
          pairs: params(
            CARD_PARAMS,
            fieldValue(
              fc.constantFrom('application', 'data_check', 'dannye', 'polis', '2026-00000001', '1'),
              fc.constantFrom('2026-01-01T00:00:00.000Z', '9999-99-99T99:99:99Z', '-1'),
            ),
          ),
          broken: brokenAt,
          signedIn: fc.constantFrom(true, true, true, false),
        })
        .map(({ path, pairs, broken, signedIn }): WireRequest => ({
          method: 'GET',
          target: withQuery(path, pairs, broken),
          headers: signedIn ? [['Cookie', readerCookie]] : [],
        })),
      formPosts(cardForms, readerCookie),
    ),
};

/**
 * The duplicates review (/konsol/dubli): hostile pair ids and query strings (the survivor's choice, the
 * outcome and error codes the decisions redirect with), as the insurer's operator (refused: 403) and signed
 * out; nothing here can change the register.
 */
const consoleDuplicates: Door = {
  name: 'console duplicates review (/konsol/dubli)',
  format: 'page',
  weight: 1,
  requests: ({ staffCookie }) =>
    fc
      .record({
        path: fc.oneof(
          fc.constantFrom('/konsol/dubli', '/konsol/dubli/1'),
          fc
            .tuple(fc.oneof(hostileText(20), overlong, digits(18), fc.constant('0')), fc.boolean())
            .map(([segment, broken]) => `/konsol/dubli/${escaped(segment, broken)}`),
        ),
        pairs: params(
          ['ostavit', 'gotovo', 'oshibka'],
          fieldValue(
            fc.constantFrom('1', 'merged', 'undone', 'FORBIDDEN', 'toString', '__proto__'),
            fc.constantFrom('99999999999999999999', '-1', 'constructor'),
          ),
        ),
        broken: brokenAt,
        signedIn: fc.constantFrom(true, true, false),
      })
      .map(({ path, pairs, broken, signedIn }): WireRequest => ({
        method: 'GET',
        target: withQuery(path, pairs, broken),
        headers: signedIn ? [['Cookie', staffCookie]] : [],
      })),
};

/** The pages only a ФФОМС administrator opens: directories, their import, the calendar, the jobs. */
export const ADMIN_PAGES = [
  '/konsol/spravochniki',
  '/konsol/spravochniki/zagruzka',
  '/konsol/spravochniki/kalendar',
  '/konsol/zadaniya',
  '/konsol/lenty/klyuchi',
] as const;

/**
 * The administrator pages whose forms the door posts: the directory import and the calendar, which change
 * nothing without a file. Not the feed keys' forms: a revoke form carries a real key's prefix, and a
 * fuzz case could revoke the suite's own feed keys under the feed door.
 */
export const ADMIN_FORM_PAGES = ['/konsol/spravochniki/zagruzka', '/konsol/spravochniki/kalendar'] as const;

/**
 * The directory pages and forms as an administrator (issue 13): hostile regions and paths, and posts of the
 * import and calendar forms without a file (a fuzz case never carries a directory file, so it can change
 * nothing), plus the same pages signed out.
 */
const consoleDirectories: Door = {
  name: 'console directories, calendar and jobs (administrator)',
  format: 'page',
  weight: 1,
  requests: ({ adminCookie, adminForms }) =>
    fc.oneof(
      formPosts(adminForms, adminCookie),
      fc
        .record({
          path: fc.oneof(
            fc.constantFrom(...ADMIN_PAGES),
            fc
              .tuple(fc.oneof(hostileText(20), overlong), fc.boolean())
              .map(([segment, broken]) => `/konsol/spravochniki/${escaped(segment, broken)}`),
          ),
          pairs: params(['region'], fieldValue(digits(2), fc.constantFrom('77', '00', '99', 'ab'))),
          broken: brokenAt,
          signedIn: fc.constantFrom(true, true, false),
        })
        .map(({ path, pairs, broken, signedIn }): WireRequest => ({
          method: 'GET',
          target: withQuery(path, pairs, broken),
          headers: signedIn ? [['Cookie', adminCookie]] : [],
        })),
    ),
};

/** Request lines and framing only a hand-written client sends. */
const oddLine = fc.oneof(
  fc.constantFrom(
    'GET * HTTP/1.1',
    'OPTIONS * HTTP/1.1',
    'GET http://[/api/v1/lookup?enp=1 HTTP/1.1',
    'GET http://%zz/fhir/Patient HTTP/1.1',
    'GET http://localhost:99999/fhir/metadata HTTP/1.1',
    'GET http://localhost/fhir/Patient/%ZZ HTTP/1.1',
    'GET https://user:pass@localhost/lk HTTP/1.1',
    'CONNECT localhost:443 HTTP/1.1',
    'GET //evil.example/lk HTTP/1.1',
    'GET /lk HTTP/1.0',
    'GET /lk HTTP/2.0',
    'GET /lk HTTP/9.9',
    'GET /lk',
    'GET  /lk  HTTP/1.1',
    'get /lk HTTP/1.1',
    'BREW /lk HTTP/1.1',
    'GET /lk?\u0000 HTTP/1.1',
    'GET /api/v1/lookup?enp=%00 HTTP/1.1',
    'GET /fhir/Patient/%E0%A4%A HTTP/1.1',
    'GET /lk/zayavleniya/%ZZ HTTP/1.1',
    'GET /verify/%ZZ HTTP/1.1',
    'POST /fhir/CoverageEligibilityRequest HTTP/1.1',
  ),
  fc
    .tuple(
      fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'X', ''),
      fc.oneof(
        hostileText(30).map((t) => `http://${t}`),
        hostileText(30).map((t) => `/${t.replace(/[\r\n ]/g, '')}`),
        hostileText(30),
        overlong.map((t) => `/api/v1/lookup?enp=${escaped(t, false)}`),
      ),
    )
    .map(([m, t]) => `${m} ${t} HTTP/1.1`),
);

const oddHeaders = fc.oneof(
  fc.constant(''),
  fc.constantFrom(
    'Content-Length: -1\r\n',
    'Content-Length: 10\r\nContent-Length: 20\r\n',
    'Transfer-Encoding: chunked\r\nContent-Length: 5\r\n',
    'Transfer-Encoding: gzip, chunked\r\n',
    'Content-Length: 99999999999999999999\r\n',
    'X: \u0000\r\n',
    ' folded: line\r\n',
    'NoColon\r\n',
    `X-Long: ${'a'.repeat(20_000)}\r\n`,
  ),
);

const rawSocket: Door = {
  name: 'raw socket (odd request lines and framing)',
  format: 'http',
  weight: 2,
  requests: () =>
    fc
      .record({
        line: oddLine,
        headers: oddHeaders,
        body: fc.oneof(fc.constant(''), hostileText(40)),
        host: fc.boolean(),
      })
      .map(({ line, headers, body, host }) => ({
        method: '',
        target: '',
        headers: [],
        rawHead: `${line}\r\n${host ? 'Host: localhost\r\n' : ''}Connection: close\r\n${headers}\r\n${body}`,
        // Framing that may promise more body than comes: the client says it is done by closing its side.
        halfClose: /content-length|transfer-encoding/i.test(headers),
      })),
};

/** An event of a source, bent: fields hostile, missing, of the wrong type; about nobody in the register. */
const feedEvent = fc
  .record(
    {
      eventId: fc.oneof(fc.uuid(), hostileText(20), overlong),
      type: fc.oneof(
        fc.constantFrom(
          'birth.registered',
          'death.registered',
          'name.changed',
          'service.started',
          'service.ended',
        ),
        fc.constantFrom('passport.replaced', 'residence-permit.issued', 'citizenship.acquired'),
        hostileText(20),
      ),
      occurredAt: fc.oneof(fc.constant('2026-11-20T10:00:00+03:00'), oddDate),
      data: fc.oneof(
        fc.record(
          {
            person: fc.record(
              {
                enp: enpLike,
                lastName: fc.oneof(fc.constant('Фаззов'), hostileText(30)),
                firstName: fc.oneof(fc.constant('Несуществующий'), hostileText(30)),
                birthDate: isoDate,
              },
              { requiredKeys: [] },
            ),
            startedOn: isoDate,
            endedOn: isoDate,
            deathDate: isoDate,
            certificate: fc.record({
              series: hostileText(10),
              number: digits(6),
              issueDate: isoDate,
              issuer: hostileText(20),
            }),
          },
          { requiredKeys: [] },
        ),
        jsonish,
      ),
    },
    { requiredKeys: [] },
  )
  .map((e) => JSON.stringify(e));

/**
 * A feed API door (ADR 0031): hostile posts of `event`s to each of `sources` (and to sources that do not
 * exist), with the source's own key, another's or none — one generator for every jurisdiction's feeds.
 */
export function feedsDoor<Context, Source extends string>(spec: {
  name: string;
  sources: readonly Source[];
  event: fc.Arbitrary<string>;
  keys: (ctx: Context) => Record<Source, string>;
}): DoorOf<Context> {
  const { sources, event } = spec;
  /** The key for the path's source (the first source's for a source that does not exist). */
  const ownSource = (source: string): Source =>
    (sources as readonly string[]).includes(source) ? (source as Source) : sources[0]!;
  return {
    name: spec.name,
    format: 'problem',
    weight: 2,
    requests: (ctx) => feedRequests(sources, event, ownSource, spec.keys(ctx)),
  };
}

function feedRequests<Source extends string>(
  sources: readonly Source[],
  feedEvent: fc.Arbitrary<string>,
  ownSource: (source: string) => Source,
  feedKeys: Record<Source, string>,
): fc.Arbitrary<WireRequest> {
  return fc
    .record({
      source: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...sources) },
        { weight: 1, arbitrary: fc.oneof(hostileText(12), fc.constantFrom('fns', 'ZAGS', '', '..')) },
      ),
      // Mostly the source's own key (so events reach validation), sometimes another's or none.
      keyOf: fc.oneof(
        { weight: 8, arbitrary: fc.constant('own' as const) },
        { weight: 1, arbitrary: fc.constantFrom(...sources) },
        { weight: 1, arbitrary: fc.constant(null) },
      ),
      what: fc.oneof(
        {
          weight: 6,
          arbitrary: fc.constantFrom('events', 'events', 'events', 'events', 'pending', 'schema'),
        },
        { weight: 1, arbitrary: hostileText(10) },
      ),
      method: fc.oneof(
        { weight: 8, arbitrary: fc.constant('POST') },
        { weight: 1, arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH') },
      ),
      ndjson: fc.boolean(),
      events: fc.array(feedEvent, { maxLength: 6 }),
      junk: fc.oneof(
        { weight: 5, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: hostileText(200) },
        {
          weight: 1,
          arbitrary: fc.integer({ min: 65_537, max: 200_000 }).map((n) => `{"eventId":"${'a'.repeat(n)}"}`),
        },
      ),
      type: fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: contentType }),
      truncate: fc.oneof(
        { weight: 9, arbitrary: fc.constant(false) },
        { weight: 1, arbitrary: fc.constant(true) },
      ),
    })
    .map(({ source, keyOf, what, method, ndjson, events, junk, type, truncate }) => {
      const text = junk ?? (ndjson ? events.join('\n') : `[${events.join(',')}]`);
      const bytes = Buffer.from(text, 'utf8');
      const contentTypeHeader = type ?? (ndjson ? 'application/x-ndjson' : 'application/json');
      const target =
        what === 'schema'
          ? '/api/v1/feeds/schema'
          : `/api/v1/feeds/${escaped(source, false)}/${escaped(what, false)}`;
      return {
        method,
        target,
        headers: [
          ...(keyOf
            ? [
                ['Authorization', `Bearer ${feedKeys[keyOf === 'own' ? ownSource(source) : keyOf]}`] as [
                  string,
                  string,
                ],
              ]
            : []),
          ['Content-Type', contentTypeHeader] as [string, string],
        ],
        body: bytes,
        ...(truncate ? { truncateBodyAt: Math.floor(bytes.length / 2), halfClose: true } : {}),
      };
    });
}

const feeds: Door = feedsDoor<FuzzContext, 'zags' | 'mvd' | 'military'>({
  name: 'feed API /api/v1/feeds',
  sources: ['zags', 'mvd', 'military'],
  event: feedEvent,
  keys: ({ feedKeys }) => feedKeys,
});

/**
 * The operations doors (ADR 0028): liveness, readiness and the metrics (the suite's server is on loopback,
 * so /metrics answers it without a token; a token that is sent is judged like any other), with odd
 * request ids, which must never be echoed unless well formed.
 */
const operations: Door = {
  name: 'operations: /api/live, /api/ready, /metrics',
  format: 'problem',
  weight: 1,
  requests: () =>
    fc
      .record({
        path: fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom('/api/live', '/api/ready', '/metrics') },
          {
            weight: 2,
            arbitrary: fc
              .tuple(fc.constantFrom('/api/live', '/api/ready', '/metrics'), hostileText(20))
              .map(([p, t]) => `${p}/${escaped(t, false)}`),
          },
        ),
        method: fc.oneof(
          { weight: 6, arbitrary: fc.constant('GET') },
          { weight: 1, arbitrary: fc.constantFrom('POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH') },
        ),
        requestId: fc.option(fc.oneof(hostileText(40), overlong), { nil: undefined }),
        auth: fc.option(
          fc.oneof(
            fc.constant('Bearer'),
            hostileText(40).map((t) => `Bearer ${t}`),
          ),
          { nil: undefined },
        ),
      })
      .map(({ path, method, requestId, auth }) => ({
        method,
        target: path,
        headers: [
          ...(requestId === undefined ? [] : [['X-Request-Id', requestId] as [string, string]]),
          ...(auth === undefined ? [] : [['Authorization', auth] as [string, string]]),
        ],
      })),
};

export const DOORS: readonly Door[] = [
  rest,
  fhirSearch,
  fhirRead,
  fhirPost,
  feeds,
  operations,
  portalQuery,
  portalForms,
  staffSignIn,
  consoleQuery,
  consoleAccounts,
  consoleCard,
  consoleDuplicates,
  consoleDirectories,
  rawSocket,
];
