import fc from 'fast-check';
import { CONSOLE_SECTIONS_OF } from '../../app/konsol/_shell/sections';
import { brokenAt, digits, formPosts, isoDate, withQuery, type Door, type PageForm } from '../fuzz/doors';
import { escaped, fieldValue, hostileText, overlong, params } from '../fuzz/inputs';
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
}

export interface KzDoor extends Omit<Door, 'requests'> {
  requests: (ctx: KzFuzzContext) => fc.Arbitrary<WireRequest>;
}

const iinLike = fc.oneof(digits(12), fc.constantFrom('880315400003', '000000000000'), digits(11), digits(13));
const KZ_CARD_PARAMS = ['cel', 'izvestno', 'otozvan', 'zayavlenie', 'next'];

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

export const KZ_DOORS: readonly KzDoor[] = [kzConsole];
