import { z } from 'zod';
import { OSMS_CATEGORIES } from '@/lib/domain/kz/categories';
import type { OsmsAnswer } from '@/lib/kz/lookup/osms-answer';
import type { PublicOsmsStatus } from '@/lib/domain/kz';
import { OSMS_STATUS_CODES } from '@/lib/domain/kz/insured-status';

/**
 * The REST lookup's shapes in a Kazakh deployment (ADR 0033): the same path and conventions as the Russian
 * one (schemas.ts), keyed by the ИИН — the ОСМС register's only key. They validate requests and generate
 * the OpenAPI document, like the Russian ones.
 */

const iinParameter = z.string().max(20).describe('ИИН, 12 digits (spaces and hyphens ignored)');

export const osmsLookupQuerySchema = z
  .strictObject({
    iin: iinParameter.optional(),
    onDate: z
      .string()
      .max(10)
      .optional()
      .describe('As-of date (the visit date), YYYY-MM-DD; default today in Astana (UTC+5)'),
  })
  .describe('The ИИН, and optionally the visit date');

/** The public status check's query (GET /api/v1/osms/status): the ИИН, and nothing else. */
export const osmsStatusQuerySchema = z.strictObject({ iin: iinParameter }).describe('The ИИН');

const localDate = z.iso.date();

/** The answer of a lookup by ИИН: the person's ОСМС status on the as-of date, and nothing more. */
export const osmsAnswerSchema = z
  .strictObject({
    insured: z.boolean().describe('Whether the person has the right to care in ОСМС on the as-of date'),
    code: z
      .enum(OSMS_STATUS_CODES.map((c) => c.code) as [string, ...string[]])
      .describe(
        'The ground the status rests on when insured (STATE_CATEGORY, EMPLOYER_CONTRIBUTIONS, ADVANCE_PAYMENTS, ' +
          'GRACE_AFTER_CATEGORY, TEMPORARY_DOCUMENT, SYSTEMS_UNAVAILABLE, …), or why not (NO_CONTRIBUTIONS, ' +
          'LUMP_SUM_NOT_ADVANCE, DEBT_IN_PAST_MONTHS, GRACE_ENDED, TEMPORARY_ENDED, NOT_A_PARTICIPANT, BEFORE_OSMS)',
      ),
    text: z.string().describe('The ground or the reason, in Russian'),
    advice: z.string().nullable().describe('What to do when not insured, in Russian; null when insured'),
    category: z
      .strictObject({ code: z.enum(OSMS_CATEGORIES), name: z.string() })
      .nullable()
      .describe('The category the ground rests on (state-paid, local body, grace after it, temporary)'),
    until: localDate
      .nullable()
      .describe('The last day the status holds on the facts known (inclusive); null while open-ended'),
    iin: z.string().regex(/^\d{12}$/),
    person: z.strictObject({
      lastName: z.string(),
      firstName: z.string(),
      patronymic: z.string().nullable(),
      birthDate: localDate,
      sex: z.enum(['M', 'F']),
    }),
    asOf: localDate,
    dataUnavailableSince: localDate
      .nullable()
      .describe(
        'Set when the information systems are down: the status known on that day is kept until they are restored',
      ),
    stale: z.boolean().describe('Served from the last known state because the register could not be read'),
    staleSince: z.iso.datetime().nullable().describe('When that last known state was read; null when fresh'),
  })
  .meta({ title: 'OsmsAnswer' });

/** The public status check's answer (GET /api/v1/osms/status): what anyone may know, never a name or amount. */
export const osmsPublicStatusSchema = z
  .strictObject({
    insured: z.boolean().describe('Whether the person has the right to care in ОСМС today'),
    code: osmsAnswerSchema.shape.code,
    text: z.string().describe('The ground or the reason, in Russian, naming no category'),
    advice: osmsAnswerSchema.shape.advice,
    until: osmsAnswerSchema.shape.until,
    months: z
      .array(
        z.strictObject({
          month: z
            .string()
            .regex(/^\d{4}-\d{2}$/)
            .describe('YYYY-MM'),
          paid: z.boolean().describe('Whether any contribution was made for the month (no amounts)'),
        }),
      )
      .describe('The 12 months before the current one, oldest first'),
  })
  .meta({ title: 'OsmsPublicStatus' });

// The handler sends this type; fail the build if it stops fitting the schema that documents it.
type Fits<Sent, Schema extends z.ZodType> = Sent extends z.output<Schema> ? true : never;
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : never) : never;
const _schemaConformance: [
  Fits<OsmsAnswer, typeof osmsAnswerSchema>,
  SameKeys<OsmsAnswer, z.output<typeof osmsAnswerSchema>>,
  Fits<PublicOsmsStatus, typeof osmsPublicStatusSchema>,
  SameKeys<PublicOsmsStatus, z.output<typeof osmsPublicStatusSchema>>,
] = [true, true, true, true];
