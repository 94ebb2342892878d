import { z } from 'zod';
import { ALL_FEED_SOURCES, feedEventSchemas } from '@/lib/feeds/events';
import { servedFeedSources } from '@/lib/feeds/served-sources';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';
import { nationalPart } from '@/lib/jurisdiction/national';
import { fieldErrorSchema } from '../schemas';

/** The feed API's answers, in zod: they type the handlers and generate the OpenAPI document. */
const outcomeBase = {
  line: z.number().int().describe('Line (NDJSON) or 1-based position (JSON array) of the event'),
  eventId: z.string().nullable().describe('The event’s id when it could be read'),
  type: z.string().nullable(),
};

/** How an accepted event names its person: by the register's own key (ADR 0029). */
const PERSON_KEYS = {
  ru: { enp: z.string().describe('ЕНП of the person the event concerns') },
  kz: { iin: z.string().describe('ИИН of the person the event concerns') },
} as const;

function outcomeSchema<Key extends z.ZodRawShape>(personKey: Key) {
  return z.discriminatedUnion('status', [
    z.strictObject({ ...outcomeBase, status: z.literal('accepted'), ...personKey }),
    z.strictObject({ ...outcomeBase, status: z.literal('duplicate') }),
    z.strictObject({
      ...outcomeBase,
      status: z.literal('pending'),
      reason: z.strictObject({ code: z.string(), message: z.string() }),
    }),
    z.strictObject({ ...outcomeBase, status: z.literal('rejected'), errors: z.array(fieldErrorSchema) }),
  ]);
}

function answerSchema<Outcome extends z.ZodType>(outcome: Outcome) {
  return z
    .strictObject({
      source: z.enum(ALL_FEED_SOURCES),
      received: z.number().int(),
      accepted: z.number().int(),
      duplicate: z.number().int(),
      pending: z.number().int(),
      rejected: z.number().int(),
      events: z.array(outcome).describe('One entry per event, in the request’s order'),
    })
    .describe('What became of each event of the request');
}

/** An outcome as the handlers send it: an accepted event names its person by ЕНП or by ИИН. */
export const feedOutcomeSchema = outcomeSchema({
  enp: PERSON_KEYS.ru.enp.optional(),
  iin: PERSON_KEYS.kz.iin.optional(),
});

/** The answer as the handlers send it. */
export const feedAnswerSchema = answerSchema(feedOutcomeSchema);

/** The answer as this deployment documents it: an accepted event names its person by the register's key. */
export function nationalFeedAnswerSchema(): z.ZodType {
  return answerSchema(outcomeSchema(nationalPart<z.ZodRawShape>(PERSON_KEYS)));
}

export const pendingListSchema = z.strictObject({
  source: z.enum(ALL_FEED_SOURCES),
  events: z.array(
    z.strictObject({
      eventId: z.string(),
      type: z.string(),
      occurredAt: z.string(),
      receivedAt: z.string(),
      reason: z.strictObject({ code: z.string(), message: z.string() }),
      attempts: z.number().int(),
    }),
  ),
});

/** The published schema of the deployment's sources' events: what each source may post. */
export function feedEventsJsonSchema(): Record<string, unknown> {
  const bySource = Object.fromEntries(
    servedFeedSources().map((source) => {
      const { $schema: _dialect, ...rest } = z.toJSONSchema(feedEventSchemas[source], {
        target: 'draft-2020-12',
        io: 'input',
      });
      return [source, rest];
    }),
  );
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: `${jurisdictionProfile().texts.siteName} — agency feed events`,
    description:
      'Events each source posts to POST /api/v1/feeds/{source}/events, one schema per source (a key may ' +
      'post only its own source’s types).',
    $defs: bySource,
  };
}
