import { z } from 'zod';
import { OSMS_CATEGORIES, type OsmsCategory } from '@/lib/domain/kz';
import { eventSchema, localDate } from '@/lib/feeds/envelope';

/**
 * The ОСМС feeds' events (issue 14, ADR 0031), in zod: the fund's payment system (`payments`: payments
 * made for a person and their reversals) and the agencies' category lists (`categories`: a person joined
 * or left a category the state or a local body pays for). Shapes only, like the Russian feeds: the ИИН's
 * check digit, the month's range and the amount are judged by the use cases' own checks when applied
 * (lib/domain/kz/payment.ts, lib/kz/categories/membership-input.ts), so the answer names the
 * field and the event is recorded as rejected.
 */

const iin = z
  .string()
  .regex(/^\d{12}$/)
  .describe('ИИН of the person, 12 digits (its check digit is verified when the event is applied)');

const month = z
  .string()
  .regex(/^\d{4}-\d{2}$/)
  .describe('The month the contribution is for, YYYY-MM (for a lump sum: the first of its months)');

const category = z
  .enum(OSMS_CATEGORIES as unknown as [OsmsCategory, ...OsmsCategory[]])
  .describe('The category code (lib/domain/kz/categories.ts)');

export const contributionPaidSchema = eventSchema(
  'contribution.paid',
  z.strictObject({
    iin,
    payer: z
      .strictObject({
        kind: z
          .enum(['employer', 'self', 'state', 'local-body', 'lump-sum'])
          .describe(
            'employer (2 % withheld), self (a self-payer’s monthly contribution), state (the budget for a ' +
              'state-paid category), local-body (a local executive body), lump-sum (one payment meant for ' +
              'several months: recorded, but no month’s contribution)',
          ),
        id: z
          .string()
          .min(1)
          .max(32)
          .describe('БИН of an employer or local body, ИИН of a self-payer, the budget programme’s code'),
        name: z.string().min(1).max(300).nullish(),
      })
      .describe('Who paid'),
    month,
    months: z
      .number()
      .int()
      .nullish()
      .describe('For a lump sum: how many months it was meant for (2–120); omitted or 1 otherwise'),
    amount: z
      .union([z.number(), z.string().max(24)])
      .describe('Tenge, > 0, at most two decimals: a number or a decimal string ("3500.00")'),
    paidOn: localDate.describe('The day the payment reached the fund'),
    reference: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[\x21-\x7e]+$/)
      .describe('The payment reference: one payment is recorded once, whatever its event id'),
  }),
  'Payments: a contribution paid to the fund for the person',
);

export const contributionReversedSchema = eventSchema(
  'contribution.reversed',
  z.strictObject({
    iin,
    reference: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[\x21-\x7e]+$/),
    reversedOn: localDate.describe('The day the payment was reversed (returned or corrected)'),
  }),
  'Payments: a payment reversed — it no longer counts; the register keeps it in record time',
);

export const categoryJoinedSchema = eventSchema(
  'category.joined',
  z.strictObject({
    iin,
    category,
    from: localDate.describe('The first day in the category'),
    to: localDate.nullish().describe('The last day, when the list already knows it'),
    listDate: localDate.describe('The date of the agency’s list (when the data reached the fund)'),
  }),
  'Category lists: the person is in a state-paid category from a date',
);

export const categoryLeftSchema = eventSchema(
  'category.left',
  z.strictObject({
    iin,
    category,
    to: localDate.describe('The last day in the category'),
    listDate: localDate.describe('The date of the agency’s list (when the data reached the fund)'),
  }),
  'Category lists: the person left a state-paid category (the grace period runs from the next day)',
);

export const KZ_SOURCE_EVENTS = {
  payments: [contributionPaidSchema, contributionReversedSchema],
  categories: [categoryJoinedSchema, categoryLeftSchema],
} as const;

export type PaymentsEvent =
  z.infer<typeof contributionPaidSchema> | z.infer<typeof contributionReversedSchema>;
export type CategoriesEvent = z.infer<typeof categoryJoinedSchema> | z.infer<typeof categoryLeftSchema>;
export type KzFeedEvent = PaymentsEvent | CategoriesEvent;
export type ContributionPaid = z.infer<typeof contributionPaidSchema>;
export type ContributionReversed = z.infer<typeof contributionReversedSchema>;
export type CategoryJoined = z.infer<typeof categoryJoinedSchema>;
export type CategoryLeft = z.infer<typeof categoryLeftSchema>;
