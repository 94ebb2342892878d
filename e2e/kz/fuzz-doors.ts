import fc from 'fast-check';
import { CONSOLE_SECTIONS_OF } from '../../app/konsol/_shell/sections';
import { auditParams } from '../../app/konsol/zhurnal/audit-params';
import { kzDemoPerson } from '../../db/seed/kz/demo-people';
import type { KzFeedSource } from '../../lib/auth/actor';
import { KZ_FEED_SOURCES } from '../../lib/kz/feed-sources';
import {
  brokenAt,
  digits,
  feedsDoor,
  formPosts,
  isoDate,
  PORTAL_PARAMS,
  withQuery,
  type DoorOf,
  type PageForm,
} from '../fuzz/doors';
import { cookieHeader, escaped, fieldValue, hostileText, oddDate, overlong, params } from '../fuzz/inputs';
import type { WireRequest } from '../fuzz/wire';

/**
 * The doors of a Kazakh deployment (ADR 0034), for the Kazakh pass's fuzz suite (e2e/kz/fuzz.spec.ts). A
 * Kazakh door is one more entry in KZ_DOORS: how to make hostile requests for it, and its error format.
 */
export interface KzFuzzContext {
  /** `Cookie` of the fund's administrator of the suite's own: reads pages (GET changes nothing). */
  adminCookie: string;
  /** `Cookie` of a regional operator, who may search but neither read a Kazakh card nor revoke: it posts. */
  operatorCookie: string;
  /** The console's forms (search, card purpose, "as known at", revocation) as the administrator sees them. */
  consoleForms: PageForm[];
  /** A person of the suite's own with a temporary status, and that status's id. */
  personId: number;
  temporaryStatusId: number;
  /** `Cookie` of a signed-in person of the suite's own (the cabinet's pages). */
  citizenCookie: string;
  /** `Cookie` of a clinic registrar of the suite's own (the clinic's pages). */
  registrarCookie: string;
  /** A valid key of each ОСМС feed, by source. */
  feedKeys: Record<KzFeedSource, string>;
}

export type KzDoor = DoorOf<KzFuzzContext>;

const employee = kzDemoPerson('employee').iin;

/** ИИН-shaped values: any digits of about the length, a demo person's, and one written with a space. */
export const iinLike = fc.oneof(
  digits(12),
  digits(11),
  digits(13),
  fc.constantFrom('880315400003', '000000000000', kzDemoPerson('pensioner').iin),
  fc.constant(`${employee.slice(0, 6)} ${employee.slice(6)}`),
);
/** The card's parameters, and the audit log's filters (its person by ИИН) with its page cursor. */
const KZ_CARD_PARAMS = [
  'cel',
  'izvestno',
  'otozvan',
  'zayavlenie',
  'next',
  ...Object.values(auditParams()),
  'dalee',
  'oshibka',
];

/**
 * The console of a Kazakh register: its sections and the card's pages and the document's download, with
 * hostile path segments and query strings (purpose, "as known at"), read by the administrator or signed
 * out; the search, purpose, "as known at" and revocation forms posted by the regional operator, whom the
 * use cases refuse the card and the revocation — so no case can change the register.
 */
const kzConsole: KzDoor = {
  name: 'kz console: search, ОСМС card, document, revocation (/konsol)',
  format: 'page',
  weight: 2,
  requests: ({ adminCookie, operatorCookie, consoleForms, personId, temporaryStatusId }) =>
    fc.oneof(
      fc
        .record({
          path: fc.oneof(
            fc.constantFrom(
              '/konsol',
              ...CONSOLE_SECTIONS_OF.kz.map((s) => s.href),
              '/konsol/zhurnal/vygruzka',
              '/konsol/lenty/klyuchi',
              `/konsol/lica/${personId}`,
              `/konsol/lica/${personId}/dokument/${temporaryStatusId}`,
            ),
            fc
              .tuple(fc.oneof(hostileText(20), overlong, digits(18), fc.constant('0')), fc.boolean())
              .map(([segment, broken]) => `/konsol/lica/${escaped(segment, broken)}`),
            fc
              .tuple(fc.oneof(hostileText(20), digits(16), fc.constant('-1')), fc.boolean())
              .map(([segment, broken]) => `/konsol/lica/${personId}/dokument/${escaped(segment, broken)}`),
          ),
          pairs: params(
            KZ_CARD_PARAMS,
            fieldValue(
              fc.constantFrom('citizen_request', 'temporary_status', 'application', '1'),
              fc.constantFrom('31.12.2023', '31.02.2024', '01.01.0001', '2026-01-01T00:00:00Z'),
              isoDate,
            ),
          ),
          broken: brokenAt,
          signedIn: fc.constantFrom(true, true, true, false),
        })
        .map(({ path, pairs, broken, signedIn }): WireRequest => ({
          method: 'GET',
          target: withQuery(path, pairs, broken),
          headers: signedIn ? [['Cookie', adminCookie]] : [],
        })),
      formPosts(consoleForms, operatorCookie),
      // The search form with ИИН-like values, as the operator (who may search).
      iinLike.map((iin): WireRequest => ({
        method: 'POST',
        target: '/konsol/poisk',
        headers: [
          ['Cookie', operatorCookie],
          ['Content-Type', 'application/x-www-form-urlencoded'],
        ],
        body: Buffer.from(`po=iin&iin=${encodeURIComponent(iin)}`),
      })),
    ),
};

/** The Kazakh pages that take a query string (a return address among them), and who may load them. */
const KZ_PAGES = [
  '/kabinet',
  '/kabinet/vyhod',
  '/kabinet/vremennyi-status',
  '/kabinet/prosmotry',
  '/proverka-statusa',
  '/kabinet/vhod',
  '/kabinet/vhod/egov',
  '/clinic',
  '/clinic/vremennyi-status',
  '/dlya-mo/api',
] as const;

/**
 * The portal's and the clinic's pages loaded with hostile query strings and path segments (the Russian
 * portal door's parameters, `iin` and eGov's `next`/`error` among them) — signed out, as the person and as
 * the registrar. A return address (`next`, `callbackUrl`) pointing elsewhere must never send the browser
 * off the site: every redirect stays on it.
 */
const kzPages: KzDoor = {
  name: 'kz pages (query strings, path segments, return addresses)',
  format: 'page',
  sameSiteRedirects: true,
  weight: 2,
  requests: ({ citizenCookie, registrarCookie }) =>
    fc
      .record({
        path: fc.oneof(
          { weight: 5, arbitrary: fc.constantFrom(...KZ_PAGES) },
          {
            weight: 2,
            arbitrary: fc
              .tuple(
                fc.constantFrom('/kabinet/', '/clinic/', '/kabinet/vhod/', '/proverka-statusa/'),
                fc.oneof(hostileText(30), overlong, iinLike),
                fc.boolean(),
              )
              .map(([prefix, segment, broken]) => `${prefix}${escaped(segment, broken)}`),
          },
        ),
        pairs: params(
          [...PORTAL_PARAMS, 'iin'],
          fieldValue(
            iinLike,
            fc.constantFrom(
              '/kabinet',
              '//evil.example',
              '/\\evil.example',
              'https://evil.example/',
              'javascript:alert(1)',
              'OAuthCallback',
              'AccessDenied',
            ),
          ),
        ),
        broken: brokenAt,
        as: fc.constantFrom('signed out', 'person', 'registrar'),
      })
      .map(({ path, pairs, broken, as }) => ({
        method: 'GET',
        target: withQuery(path, pairs, broken),
        headers: cookieHeader(
          as === 'person' ? citizenCookie : as === 'registrar' ? registrarCookie : null,
          null,
        ),
      })),
};

/** ИИН-shaped values of nobody in the register (no demo person's), so no feed event can apply. */
const nobodysIin = fc.oneof(digits(12), digits(11), hostileText(14));

/** An ОСМС event, bent: fields hostile, missing, of the wrong type; about nobody in the register. */
const kzFeedEvent = fc
  .record(
    {
      eventId: fc.oneof(fc.uuid(), hostileText(20), overlong),
      type: fc.oneof(
        fc.constantFrom('contribution.paid', 'contribution.reversed', 'category.joined', 'category.left'),
        fc.constantFrom('birth.registered', 'service.started'),
        hostileText(20),
      ),
      occurredAt: fc.oneof(fc.constant('2026-11-20T10:00:00+05:00'), oddDate),
      data: fc.oneof(
        fc.record(
          {
            iin: nobodysIin,
            reference: fc.oneof(fc.uuid(), hostileText(30), overlong),
            payer: fc.record(
              {
                kind: fc.oneof(fc.constantFrom('employer', 'self', 'state'), hostileText(10)),
                id: nobodysIin,
                name: hostileText(40),
              },
              { requiredKeys: [] },
            ),
            month: fc.oneof(fc.constantFrom('2026-10', '2024-13', '2026-1'), hostileText(8)),
            months: fc.oneof(fc.integer({ min: -2, max: 30 }), hostileText(4)),
            amount: fc.oneof(fc.constantFrom('4000.00', '-5.00', '1e9', '0'), fc.double()),
            paidOn: isoDate,
            reversedOn: isoDate,
            category: fc.oneof(fc.constantFrom('PENSIONER', 'CHILDREN', 'UNKNOWN'), hostileText(15)),
            from: isoDate,
            to: fc.oneof(isoDate, fc.constant(null)),
            listDate: isoDate,
          },
          { requiredKeys: [] },
        ),
        fc.jsonValue({ maxDepth: 2 }),
      ),
    },
    { requiredKeys: [] },
  )
  .map((e) => JSON.stringify(e));

/** The ОСМС feed API: the Russian feed door's requests, with Kazakhstan's sources, keys and events. */
const kzFeeds: KzDoor = feedsDoor<KzFuzzContext, KzFeedSource>({
  name: 'kz feed API /api/v1/feeds (payments, categories)',
  sources: KZ_FEED_SOURCES,
  event: kzFeedEvent,
  keys: ({ feedKeys }) => feedKeys,
});

export const KZ_DOORS: readonly KzDoor[] = [kzConsole, kzPages, kzFeeds];
