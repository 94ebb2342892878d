import { z } from 'zod';
import type { Jurisdiction } from '@/config/env';
import { SECURITY_HEADERS, type ApiContext } from '../http';
import { feedPaths, feedSchemas, feedSecurityScheme } from './feeds/openapi-paths';
import { servedSourceNames } from '@/lib/feeds/served-sources';
import { nationalPart } from '@/lib/jurisdiction/national';
import {
  osmsAnswerSchema,
  osmsLookupQuerySchema,
  osmsPublicStatusSchema,
  osmsStatusQuerySchema,
} from './osms-schemas';
import { lookupQuerySchema, policyAnswerSchema, problemSchema } from './schemas';

/**
 * The OpenAPI 3.1 document of the REST API, generated from the zod schemas that validate the requests and
 * type the answers (schemas.ts). OpenAPI 3.1 schemas are JSON Schema 2020-12, which zod emits directly.
 */
type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io });
  return rest;
}

const PROBLEM = 'application/problem+json';

function problemResponse(description: string, headers?: Record<string, unknown>) {
  return {
    description,
    ...(headers ? { headers } : {}),
    content: { [PROBLEM]: { schema: { $ref: '#/components/schemas/Problem' } } },
  };
}

function queryParameters(query: z.ZodType): JsonSchema[] {
  const schema = jsonSchema(query, 'input') as {
    properties: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(schema.properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: 'query',
      required: schema.required?.includes(name) ?? false,
      description,
      schema: rest,
    };
  });
}

const LOOKUP_DESCRIPTION = `Who insures this patient on the visit date, and if nobody does, why and what to do next.

Exactly one of three query forms (a document or СНИЛС only together with the birth date, which guards
against enumerating the register):

- by identity document: \`?docType=passport&series=4510&number=123456&birthDate=1985-03-14\`
- by ЕНП: \`?enp=7700000000000016\`
- by СНИЛС: \`?snils=112-233-445 95&birthDate=1985-03-14\`

Each may add \`onDate=YYYY-MM-DD\` (the visit date; default today in Moscow), answered from the coverage
history. Every lookup is written to the access log with the key and its medical organisation.

If the register cannot be read, the answer is the last known state marked \`stale: true\` (200), or 503
when nothing is known — never "not insured": the right to care is kept until the system is restored.`;

const OSMS_LOOKUP_DESCRIPTION = `The patient's ОСМС status on the visit date: insured or not, the ground it rests on (contributions,
a state-paid category, a grace period, a temporary status…) and until when; if not insured, why and what to do.

By ИИН, the register's only key: \`?iin=850412300017\`, optionally with \`onDate=YYYY-MM-DD\` (the visit date;
default today in Astana, UTC+5). The status is derived from the facts the fund knew on that date. Every
lookup is written to the access log with the key and its medical organisation.

If the register cannot be read, the answer is derived from the last facts known, marked \`stale: true\` and
with \`dataUnavailableSince\` (200): the right to care is kept until the systems are restored. 503 when
nothing is known of the ИИН — never "not insured".`;

interface LookupOperation {
  title: string;
  about: string;
  summary: string;
  description: string;
  query: z.ZodType;
  answer: { name: string; schema: z.ZodType };
  found: string;
}

/** The lookup operation as each jurisdiction's deployment serves it (ADR 0033): its key, its answer. */
const LOOKUP_OPERATION: Record<Jurisdiction, LookupOperation> = {
  ru: {
    title: 'ЕРЗ ОМС — clinic lookup API',
    about:
      'The unified register of insured persons of compulsory medical insurance (ОМС): the policy lookup ' +
      'for medical organisations’ information systems (МИС).',
    summary: 'Look up a patient’s ОМС policy',
    description: LOOKUP_DESCRIPTION,
    query: lookupQuerySchema,
    answer: { name: 'PolicyAnswer', schema: policyAnswerSchema },
    found: 'The person was found: their policy on the as-of date (possibly not insured, with why).',
  },
  kz: {
    title: 'ОСМС register — clinic lookup API',
    about:
      'The register of Kazakhstan’s compulsory social health insurance (ОСМС): the status lookup by ИИН ' +
      'for medical organisations’ information systems (МИС).',
    summary: 'Look up a patient’s ОСМС status by ИИН',
    description: OSMS_LOOKUP_DESCRIPTION,
    query: osmsLookupQuerySchema,
    answer: { name: 'OsmsAnswer', schema: osmsAnswerSchema },
    found: 'The person was found: their ОСМС status on the as-of date (possibly not insured, with why).',
  },
};

const OSMS_STATUS_CHECK_DESCRIPTION = `The public ОСМС status check by ИИН, for the fund's site, the eGov portal, the mobile app and
chat bots: insured or not today, the code and words of the ground or of the reason (naming no category),
what to do when not insured, until when, and whether contributions were made in each of the previous 12
months — never amounts, payers, names or other personal data. No key: limited per client address. Every
check is written to the access log.`;

/** The public status check (Kazakhstan's deployment only; a Russian one answers 404 at this path). */
const STATUS_CHECK_PATHS = {
  ru: {},
  kz: {
    '/api/v1/osms/status': {
      get: {
        operationId: 'checkOsmsStatus',
        tags: ['status'],
        summary: 'Check anyone’s ОСМС status by ИИН (public)',
        description: OSMS_STATUS_CHECK_DESCRIPTION,
        security: [],
        parameters: queryParameters(osmsStatusQuerySchema),
        responses: {
          '200': {
            description:
              'The person is in the register: their status today (possibly not insured, with why).',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/OsmsPublicStatus' } } },
          },
          '400': problemResponse(
            'Invalid query (`VALIDATION_FAILED`, `FIELD_REQUIRED`, the `IIN_*` codes): `errors` names each parameter.',
          ),
          '404': problemResponse('Nobody in the register has this ИИН (`PERSON_NOT_FOUND`).'),
          '429': problemResponse('Too many checks from this address (`RATE_LIMITED`).', {
            'Retry-After': { $ref: '#/components/headers/RetryAfter' },
          }),
        },
      },
    },
  },
} as const;

const STATUS_CHECK_SCHEMAS: Record<Jurisdiction, Record<string, JsonSchema>> = {
  ru: {},
  kz: { OsmsPublicStatus: jsonSchema(osmsPublicStatusSchema, 'output') },
};

/** The tags of the deployment's own operations: a Russian register has no public status check. */
const LOOKUP_TAGS: Record<Jurisdiction, { name: string; description: string }[]> = {
  ru: [{ name: 'lookup', description: 'Policy lookup (ОМС)' }],
  kz: [
    { name: 'lookup', description: 'Status lookup by ИИН (ОСМС)' },
    { name: 'status', description: 'Public status check (ОСМС)' },
  ],
};

function buildDocument() {
  const lookup = nationalPart(LOOKUP_OPERATION);
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: lookup.title,
      version: '1.0.0',
      description: `${lookup.about} Errors are RFC 9457 problem details with a stable \`code\`; messages for people are in Russian.`,
    },
    servers: [{ url: '/' }],
    tags: [
      ...nationalPart(LOOKUP_TAGS),
      { name: 'feeds', description: `Agency feeds (${servedSourceNames()}): for the agencies’ systems` },
    ],
    paths: {
      '/api/v1/lookup': {
        get: {
          operationId: 'lookupPolicy',
          tags: ['lookup'],
          summary: lookup.summary,
          description: lookup.description,
          security: [{ bearerAuth: [] }],
          parameters: queryParameters(lookup.query),
          responses: {
            '200': {
              description: lookup.found,
              content: {
                'application/json': { schema: { $ref: `#/components/schemas/${lookup.answer.name}` } },
              },
            },
            '400': problemResponse(
              'Invalid query (`VALIDATION_FAILED`): `errors` names each invalid parameter, with a code and a message.',
            ),
            '401': problemResponse('No key, a malformed, unknown or revoked key (`UNAUTHENTICATED`).'),
            '403': problemResponse(
              'The key is valid but out of scope (`FORBIDDEN`): its medical organisation is not working on ' +
                'today’s date (`reasonCode: MO_INACTIVE`).',
            ),
            '404': problemResponse(
              'Nobody in the register matches (`PERSON_NOT_FOUND`): `reasonCode`, `nextStep` and `asOf` say why ' +
                'and what to do. This does not mean "not insured".',
            ),
            '405': problemResponse('Only GET is allowed (`METHOD_NOT_ALLOWED`).', {
              Allow: { schema: { type: 'string' } },
            }),
            '429': problemResponse('Over the key’s rate limit (`RATE_LIMITED`).', {
              'Retry-After': { $ref: '#/components/headers/RetryAfter' },
            }),
            '503': problemResponse(
              'The register cannot be read and nothing is known of this person (`REGISTER_UNAVAILABLE`): the ' +
                'right to care is kept until the system is restored.',
            ),
          },
        },
      },
      '/api/v1/openapi.json': {
        get: {
          operationId: 'getOpenApiDocument',
          summary: 'This document',
          security: [],
          responses: {
            '200': {
              description: 'OpenAPI 3.1',
              content: { 'application/json': { schema: { type: 'object' } } },
            },
          },
        },
      },
      ...nationalPart(STATUS_CHECK_PATHS),
      ...feedPaths(),
    },
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'oms_<prefix>_<secret>',
          description:
            'One key per medical organisation, issued by the register (shown once, stored hashed).',
        },
        feedKey: feedSecurityScheme,
      },
      headers: {
        RetryAfter: {
          description: 'Whole seconds to wait before the next request.',
          schema: { type: 'integer', minimum: 1 },
        },
      },
      schemas: {
        [lookup.answer.name]: jsonSchema(lookup.answer.schema, 'output'),
        Problem: jsonSchema(problemSchema, 'output'),
        ...nationalPart(STATUS_CHECK_SCHEMAS),
        ...feedSchemas(),
      },
    },
  };
}

/** The name of the lookup's answer schema in this deployment's document (PolicyAnswer; OsmsAnswer). */
export function lookupAnswerName(): string {
  return nationalPart(LOOKUP_OPERATION).answer.name;
}

/** The document as data (for tests and tools). */
export function openApiDocument(): ReturnType<typeof buildDocument> {
  return buildDocument();
}

let serialised: string | null = null;

/** GET /api/v1/openapi.json — public: the contract is no secret. Built once per process. */
export function getOpenApi({ res }: ApiContext): Promise<void> {
  serialised ??= JSON.stringify(buildDocument());
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Cache-Control': 'public, max-age=300',
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(serialised),
  });
  res.end(serialised);
  return Promise.resolve();
}
