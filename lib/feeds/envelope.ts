import { z } from 'zod';

/** The pieces every source's event schemas share (Russian and Kazakh alike). */

export const localDate = z.iso.date().describe('Calendar date, YYYY-MM-DD');

/** The common envelope: the source's unique id, the type, when it happened, and the type's data. */
export function eventSchema<T extends string, D extends z.ZodType>(type: T, data: D, description: string) {
  return z
    .strictObject({
      eventId: z
        .string()
        .min(1)
        .max(128)
        .regex(/^[\x21-\x7e]+$/)
        .describe('Unique within the source; a replay of the same id changes nothing'),
      type: z.literal(type),
      occurredAt: z.iso
        .datetime({ offset: true })
        .describe('When it happened at the agency (ISO 8601 with offset); orders one person’s events'),
      data,
    })
    .describe(description);
}
