import { z } from 'zod';
import { POLICY_STATUS_CODES } from '@/lib/domain/ru/policy-status';
import type { PolicyAnswer } from '@/lib/lookup/policy-answer';
import type { Problem } from '../http';

/**
 * The REST API's shapes, in zod: the query schema validates requests, and all of them generate the
 * OpenAPI document (openapi.ts), so the document cannot drift from what the code does.
 */

/**
 * The REST lookup's query string. Shapes only (strings of sane length); the meaning (document masks, check
 * digits, dates, "document only with birth date") is judged by the use case, so every channel agrees.
 */
export const lookupQuerySchema = z
  .strictObject({
    docType: z
      .string()
      .max(40)
      .optional()
      .describe('F011 code (14, 3, …) or alias: passport, birth-certificate, …'),
    series: z.string().max(20).optional().describe('Document series, e.g. 4510 or IV-МЮ'),
    number: z.string().max(40).optional().describe('Document number'),
    birthDate: z
      .string()
      .max(10)
      .optional()
      .describe('Birth date, YYYY-MM-DD; required with a document or СНИЛС'),
    enp: z.string().max(20).optional().describe('ЕНП, 16 digits'),
    snils: z.string().max(14).optional().describe('СНИЛС, 11 digits, separators allowed'),
    onDate: z.string().max(10).optional().describe('As-of date (the visit date), YYYY-MM-DD; default today'),
  })
  .describe('Exactly one of: docType+series+number+birthDate, enp, snils+birthDate');

const localDate = z.iso.date();

export const fieldErrorSchema = z.strictObject({
  field: z.string().describe('The query parameter (or `query` for the request as a whole)'),
  code: z.string().describe('Stable code of the issue, e.g. FIELD_REQUIRED, ENP_INVALID_CHECKSUM'),
  message: z.string().describe('What is wrong, in Russian'),
});

/** A warning: the request was accepted, but the caller should know (same shape as a field error). */
const warningSchema = fieldErrorSchema.describe('A parameter that was accepted with a warning');

/** The answer of a lookup: the person's policy on the as-of date, and nothing more (product §5). */
export const policyAnswerSchema = z
  .strictObject({
    insured: z.boolean().describe('Whether care is covered by ОМС on the as-of date'),
    status: z.enum(['active', 'suspended', 'terminated', 'none']),
    statusCode: z
      .enum(POLICY_STATUS_CODES)
      .describe('Stable reason code: ACTIVE, or why not (SUSPENDED, TERMINATED, DECEASED, …)'),
    statusText: z.string().describe('The status in Russian, with since when and why'),
    nextStep: z.string().nullable().describe('What to do next, in Russian; null when nothing is needed'),
    reason: z.string().nullable().describe('Ground of the current coverage period (register code)'),
    enp: z.string().regex(/^\d{16}$/),
    person: z.strictObject({
      lastName: z.string(),
      firstName: z.string(),
      patronymic: z.string().nullable(),
      birthDate: localDate,
    }),
    insurer: z
      .strictObject({ code: z.string(), name: z.string(), phone: z.string().nullable() })
      .nullable()
      .describe('The insurer (СМО) on the as-of date'),
    region: z.strictObject({ code: z.string(), name: z.string() }).nullable(),
    clinic: z
      .strictObject({ code: z.string(), name: z.string() })
      .nullable()
      .describe('The primary-care МО the person is attached to'),
    coverage: z
      .strictObject({ from: localDate, to: localDate.nullable() })
      .nullable()
      .describe('The coverage period in force; `to` is exclusive, null when open'),
    asOf: localDate,
    stale: z.boolean().describe('Served from the last known state because the register could not be read'),
    staleSince: z.iso.datetime().nullable().describe('When that last known state was read; null when fresh'),
    warnings: z
      .array(warningSchema)
      .optional()
      .describe('What is worth knowing without being wrong (e.g. ENP_UNKNOWN_PREFIX); absent when nothing'),
  })
  .meta({ title: 'PolicyAnswer' });

/** RFC 9457 problem details with our stable `code`; extensions are listed where they occur. */
export const problemSchema = z
  .looseObject({
    type: z.url(),
    title: z.string().describe('The catalogue message of `code`, in Russian'),
    status: z.int().min(400).max(599),
    detail: z.string().describe('This occurrence, in Russian'),
    code: z
      .string()
      .describe(
        'Stable error code: VALIDATION_FAILED, UNAUTHENTICATED, FORBIDDEN, PERSON_NOT_FOUND, RATE_LIMITED, ' +
          'REGISTER_UNAVAILABLE, METHOD_NOT_ALLOWED, NOT_FOUND, BAD_REQUEST, INTERNAL. New codes may be added.',
      ),
    instance: z.string().optional(),
    errors: z.array(fieldErrorSchema).optional().describe('400: one entry per invalid parameter'),
    reasonCode: z.string().optional().describe('404: why the person was not found; 403: why refused'),
    nextStep: z.string().nullable().optional().describe('404: what to do next, in Russian'),
    asOf: localDate.optional().describe('404, 503: the as-of date of the lookup'),
    stale: z.boolean().optional(),
    warnings: z.array(warningSchema).optional().describe('404: warnings about the accepted parameters'),
    retryAfter: z.int().min(1).optional().describe('429, 503: seconds to wait, as in `Retry-After`'),
  })
  .meta({ title: 'Problem' });

// The handlers send these types; fail the build if they stop fitting the schemas that document them.
type Fits<Sent, Schema extends z.ZodType> = Sent extends z.output<Schema> ? true : never;
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : never) : never;
const _schemaConformance: [
  Fits<PolicyAnswer, typeof policyAnswerSchema>,
  SameKeys<PolicyAnswer, Omit<z.output<typeof policyAnswerSchema>, 'warnings'>>,
  Fits<Pick<Problem, 'type' | 'title' | 'status' | 'detail' | 'code'>, typeof problemSchema>,
] = [true, true, true];
