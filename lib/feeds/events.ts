import { z } from 'zod';
import type { FeedSource, KzFeedSource } from '@/lib/auth/actor';
import { KZ_FEED_SOURCES } from '@/lib/kz/feed-sources';
import { KZ_SOURCE_EVENTS, type KzFeedEvent } from '@/lib/kz/feeds/events';
import { eventSchema, localDate } from './envelope';

/**
 * The agencies' events, in zod: the one definition that validates every event arriving by the API or a
 * bulk file and generates the published JSON Schema (/api/v1/feeds/schema and the OpenAPI document).
 * Shapes only (lengths, ISO dates, closed lists); the meaning of names, documents and dates is judged by
 * the register's own checks (lib/register/person-input.ts) when the event is applied, so a feed and the
 * portal accept and refuse the same data.
 */

/** Russia's sources (the Russian profile's list). */
export const FEED_SOURCES = ['zags', 'mvd', 'military'] as const satisfies readonly FeedSource[];
/** Kazakhstan's sources (the Kazakh profile's list, lib/kz/feed-sources.ts). */
export { KZ_FEED_SOURCES };

/** Any source the framework knows; a deployment serves only its profile's (`feeds.sources`). */
export type AnyFeedSource = FeedSource | KzFeedSource;
export const ALL_FEED_SOURCES: readonly AnyFeedSource[] = [...FEED_SOURCES, ...KZ_FEED_SOURCES];

export function isFeedSource(s: string): s is AnyFeedSource {
  return (ALL_FEED_SOURCES as readonly string[]).includes(s);
}
const name = z.string().min(1).max(100);
const optionalName = name.nullish();
const subjectCode = z
  .string()
  .regex(/^\d{2}$/)
  .describe('Subject of the Russian Federation, two-digit OKATO-like code of the register (e.g. 77)');
const enp = z
  .string()
  .regex(/^\d{16}$/)
  .describe('ЕНП, 16 digits');
const snils = z
  .string()
  .regex(/^\d{3}-?\d{3}-?\d{3}[ -]?\d{2}$/)
  .describe('СНИЛС, 11 digits, separators allowed');
const issuer = z.string().min(1).max(300).describe('The issuing authority');

/** Series and number of a document, as printed. */
const documentNumber = z.strictObject({
  series: z.string().min(1).max(16).nullish(),
  number: z.string().min(1).max(32),
});

const issuedDocument = documentNumber.extend({ issueDate: localDate, issuer });

/**
 * Who an event is about, as the agency knows them: the ЕНП when the agency has it, otherwise СНИЛС, and
 * always the name and birth date (checked against the register's record, so a wrong ЕНП never touches
 * another person).
 */
export const personRefSchema = z
  .strictObject({
    enp: enp.nullish(),
    snils: snils.nullish(),
    lastName: name,
    firstName: name,
    patronymic: optionalName,
    birthDate: localDate,
  })
  .describe('The person: ЕНП or СНИЛС when known, and always the name and birth date');

const newPersonSchema = z.strictObject({
  lastName: name,
  firstName: name,
  patronymic: optionalName,
  sex: z.enum(['M', 'F']),
  birthDate: localDate,
  birthPlace: z.string().min(1).max(300).nullish(),
  snils: snils.nullish(),
});

export const birthRegisteredSchema = eventSchema(
  'birth.registered',
  z.strictObject({
    child: newPersonSchema.omit({ snils: true }),
    certificate: issuedDocument.describe('The Russian birth certificate (F011 3)'),
    region: subjectCode.describe('Region of the ЗАГС record'),
    mother: personRefSchema.describe('The mother; her ЕНП when the ЗАГС knows it'),
  }),
  'ЗАГС: a birth registered — the child gets an ЕНП, covered through the mother’s insurer until a parent chooses',
);

export const deathRegisteredSchema = eventSchema(
  'death.registered',
  z.strictObject({
    person: personRefSchema,
    deathDate: localDate,
    certificate: issuedDocument.describe('The death certificate'),
  }),
  'ЗАГС: a death registered — coverage terminated from the date of death',
);

export const nameChangedSchema = eventSchema(
  'name.changed',
  z.strictObject({
    person: personRefSchema.describe('The person under the old name'),
    newName: z.strictObject({ lastName: name, firstName: name, patronymic: optionalName }),
    changedOn: localDate,
    certificate: issuedDocument.describe('The name-change certificate'),
  }),
  'ЗАГС: a name changed — ФИО updated, the old name kept in history',
);

const passport = issuedDocument.describe('Passport of a citizen of the Russian Federation (F011 14)');

export const citizenshipAcquiredSchema = eventSchema(
  'citizenship.acquired',
  z.strictObject({
    person: newPersonSchema.extend({
      enp: enp.nullish().describe('The ЕНП of a foreigner already in the register (kept)'),
    }),
    acquiredOn: localDate,
    passport,
    region: subjectCode.describe('Region of residence'),
  }),
  'МВД: citizenship acquired — person, ЕНП and coverage formed, or a foreigner’s record converted',
);

export const passportIssuedSchema = eventSchema(
  'passport.issued',
  z.strictObject({ person: personRefSchema, passport }),
  'МВД: a first passport issued (or one issued when no other is on record)',
);

export const passportReplacedSchema = eventSchema(
  'passport.replaced',
  z.strictObject({
    person: personRefSchema,
    oldPassport: documentNumber.describe('The passport replaced; kept in history as no longer valid'),
    passport,
  }),
  'МВД: a passport replaced — the new one current, the old one kept as invalid',
);

const PERMIT_KINDS = { residence_permit: 11, temporary_permit: 23 } as const;
export type PermitKind = keyof typeof PERMIT_KINDS;
export const permitDocumentKind = (kind: PermitKind): 11 | 23 => PERMIT_KINDS[kind];

export const residencePermitIssuedSchema = eventSchema(
  'residence-permit.issued',
  z.strictObject({
    person: newPersonSchema.extend({
      citizenship: z
        .string()
        .regex(/^[A-Z]{3}$/)
        .describe('ISO 3166 alpha-3; not RUS'),
      enp: enp.nullish(),
    }),
    permit: issuedDocument.extend({
      kind: z.enum(['residence_permit', 'temporary_permit']),
      validTo: localDate.describe('Last day of validity; coverage ends with it'),
    }),
    region: subjectCode,
  }),
  'МВД: a residence (or temporary residence) permit issued to a foreigner — coverage for its validity',
);

export const residencePermitAnnulledSchema = eventSchema(
  'residence-permit.annulled',
  z.strictObject({
    person: personRefSchema,
    permit: documentNumber.extend({ kind: z.enum(['residence_permit', 'temporary_permit']) }),
    annulledOn: localDate,
  }),
  'МВД: a permit annulled — coverage terminated from that date',
);

export const serviceStartedSchema = eventSchema(
  'service.started',
  z.strictObject({ person: personRefSchema, startedOn: localDate }),
  'Military commissariat: military service started — policy suspended',
);

export const serviceEndedSchema = eventSchema(
  'service.ended',
  z.strictObject({ person: personRefSchema, endedOn: localDate }),
  'Military commissariat: military service ended — policy renewed',
);

/** Every source's event types: a source key may post only its own. */
export const SOURCE_EVENTS = {
  zags: [birthRegisteredSchema, deathRegisteredSchema, nameChangedSchema],
  mvd: [
    citizenshipAcquiredSchema,
    passportIssuedSchema,
    passportReplacedSchema,
    residencePermitIssuedSchema,
    residencePermitAnnulledSchema,
  ],
  military: [serviceStartedSchema, serviceEndedSchema],
  ...KZ_SOURCE_EVENTS,
} as const;

export const feedEventSchemas = {
  zags: z.discriminatedUnion('type', SOURCE_EVENTS.zags),
  mvd: z.discriminatedUnion('type', SOURCE_EVENTS.mvd),
  military: z.discriminatedUnion('type', SOURCE_EVENTS.military),
  payments: z.discriminatedUnion('type', SOURCE_EVENTS.payments),
  categories: z.discriminatedUnion('type', SOURCE_EVENTS.categories),
} as const;

export type ZagsEvent = z.infer<(typeof feedEventSchemas)['zags']>;
export type MvdEvent = z.infer<(typeof feedEventSchemas)['mvd']>;
export type MilitaryEvent = z.infer<(typeof feedEventSchemas)['military']>;
export type FeedEvent = ZagsEvent | MvdEvent | MilitaryEvent | KzFeedEvent;
export type FeedEventType = FeedEvent['type'];
export type EventOf<T extends FeedEventType> = Extract<FeedEvent, { type: T }>;
export type PersonRef = z.infer<typeof personRefSchema>;

export function eventTypesOf(source: AnyFeedSource): string[] {
  return SOURCE_EVENTS[source].map((s) => s.shape.type.value);
}
