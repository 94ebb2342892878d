import { z } from 'zod';
import { feedEventSchemas } from '@/lib/feeds/events';
import { feedSourceTitle, servedFeedSources, servedSourceNames } from '@/lib/feeds/served-sources';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';
import { FEED_LIMITS } from './limits';
import { nationalFeedAnswerSchema, pendingListSchema } from './schemas';

/**
 * The feed API's part of the OpenAPI document (tag `feeds`): its paths, security scheme and schemas, all
 * generated from the zod schemas the handlers use.
 */
type JsonSchema = Record<string, unknown>;

const problem = (description: string, headers?: Record<string, unknown>) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** The deployment's sources (its jurisdiction profile's). */
function sourceParameter() {
  const sources = servedFeedSources();
  return {
    name: 'source',
    in: 'path',
    required: true,
    description: `The source system: ${sources.map((s) => `${s} (${feedSourceTitle(s)})`).join(', ')}`,
    schema: { type: 'string', enum: sources },
  };
}

const postDescription =
  () => `Posts a batch of one source's events: a JSON array (\`application/json\`) or an NDJSON stream
(\`application/x-ndjson\`, one event per line). Each event is validated and applied on its own, exactly once
per (source, eventId): the answer lists every event as accepted (with the person's ${jurisdictionProfile().personIdentifier.label}), duplicate (seen
before: nothing changed), pending (its person is not in the register yet, or it waits for an earlier event:
kept and applied when they arrive) or rejected (with the field-level reasons). One person's events apply in
\`occurredAt\` order.

Bounds: body ≤ ${FEED_LIMITS.bodyBytes} bytes, NDJSON line ≤ ${FEED_LIMITS.lineBytes} bytes, ≤ ${FEED_LIMITS.events}
events. The request is read whole first: a broken JSON line refuses the whole request and nothing is applied.
The events' schemas: GET /api/v1/feeds/schema.`;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io });
  return rest;
}

export function feedPaths() {
  return {
    '/api/v1/feeds/{source}/events': {
      post: {
        operationId: 'postFeedEvents',
        tags: ['feeds'],
        summary: `Post agency events (${servedSourceNames()})`,
        description: postDescription(),
        security: [{ feedKey: [] }],
        parameters: [sourceParameter()],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { type: 'array', items: { $ref: '#/components/schemas/FeedEvent' } },
            },
            'application/x-ndjson': { schema: { $ref: '#/components/schemas/FeedEvent' } },
          },
        },
        responses: {
          '200': {
            description: 'Every event with what became of it.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/FeedAnswer' } } },
          },
          '400': problem('A broken JSON line or body (`FEED_STREAM_MALFORMED`, with `line`).'),
          '401': problem('No key, or a malformed, unknown or revoked key (`FEED_KEY_INVALID`).'),
          '403': problem('The key belongs to another source (`FEED_KEY_WRONG_SOURCE`).'),
          '404': problem('Unknown source (`FEED_SOURCE_UNKNOWN`).'),
          '405': problem('Only POST (`METHOD_NOT_ALLOWED`).', { Allow: { schema: { type: 'string' } } }),
          '413': problem(
            'Body over the limit (`PAYLOAD_TOO_LARGE`), a line over the limit (`FEED_LINE_TOO_LONG`, with `line`) ' +
              'or too many events (`FEED_TOO_MANY_EVENTS`).',
          ),
          '415': problem('Neither application/json nor application/x-ndjson (`FEED_CONTENT_TYPE`).'),
          '503': problem('The register is unavailable (`REGISTER_UNAVAILABLE`): post the batch again later.'),
        },
      },
    },
    '/api/v1/feeds/{source}/pending': {
      get: {
        operationId: 'listPendingFeedEvents',
        tags: ['feeds'],
        summary: 'The source’s events kept pending, with why',
        security: [{ feedKey: [] }],
        parameters: [sourceParameter()],
        responses: {
          '200': {
            description: 'Pending events, oldest first.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/FeedPendingList' } } },
          },
          '401': problem('No key, or a malformed, unknown or revoked key (`FEED_KEY_INVALID`).'),
          '403': problem('The key belongs to another source (`FEED_KEY_WRONG_SOURCE`).'),
          '404': problem('Unknown source (`FEED_SOURCE_UNKNOWN`).'),
          '405': problem('Only GET (`METHOD_NOT_ALLOWED`).', { Allow: { schema: { type: 'string' } } }),
        },
      },
    },
    '/api/v1/feeds/schema': {
      get: {
        operationId: 'getFeedEventSchema',
        tags: ['feeds'],
        summary: 'JSON Schema of every source’s events',
        security: [],
        responses: {
          '200': {
            description: 'JSON Schema 2020-12, one definition per source in $defs.',
            content: { 'application/schema+json': { schema: { type: 'object' } } },
          },
        },
      },
    },
  };
}

export const feedSecurityScheme = {
  type: 'http',
  scheme: 'bearer',
  bearerFormat: 'feed_<prefix>_<secret>',
  description: 'One key per source system (npm run feeds:key), shown once, stored hashed, revocable.',
};

export function feedSchemas(): Record<string, JsonSchema> {
  return {
    FeedEvent: {
      description: 'An event of any source (each source accepts only its own types)',
      oneOf: servedFeedSources().map((s) => jsonSchema(feedEventSchemas[s], 'input')),
    },
    FeedAnswer: jsonSchema(nationalFeedAnswerSchema(), 'output'),
    FeedPendingList: jsonSchema(pendingListSchema, 'output'),
  };
}
