import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startApiServer, type TestApiServer } from '@/testing/api/api-server';
import { Contract } from '@/testing/api/contract';
import { declaredAndUsedTags } from '@/testing/api/openapi-tags';

let server: TestApiServer;

beforeAll(async () => {
  server = await startApiServer();
});
afterAll(async () => {
  await server?.close();
});

describe('GET /api/v1/openapi.json', () => {
  it('is public, OpenAPI 3.1, and documents the lookup, its security and every answer', async () => {
    const r = await call(server.base, '/api/v1/openapi.json');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const doc = r.body as {
      openapi: string;
      paths: Record<
        string,
        {
          get: {
            security: unknown;
            parameters: { name: string; in: string }[];
            responses: Record<string, { content: Record<string, unknown> }>;
          };
        }
      >;
      components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    const lookup = doc.paths['/api/v1/lookup']!.get;
    expect(lookup.security).toEqual([{ bearerAuth: [] }]);
    expect(lookup.parameters.map((p) => p.name).sort()).toEqual(
      ['birthDate', 'docType', 'enp', 'number', 'onDate', 'series', 'snils'].sort(),
    );
    expect(lookup.parameters.every((p) => p.in === 'query')).toBe(true);
    expect(Object.keys(lookup.responses).sort()).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '405',
      '429',
      '503',
    ]);
    expect(Object.keys(lookup.responses['200']!.content)).toEqual(['application/json']);
    for (const status of ['400', '401', '403', '404', '429', '503'])
      expect(Object.keys(lookup.responses[status]!.content)).toEqual(['application/problem+json']);
    expect(doc.paths['/api/v1/openapi.json']!.get.security).toEqual([]);
    // Kazakhstan's public status check is not a door of a Russian register.
    expect(doc.paths['/api/v1/osms/status']).toBeUndefined();
    expect(doc.components.schemas.OsmsPublicStatus).toBeUndefined();
  });

  it('declares the tags its operations use, and speaks of this register only', async () => {
    const r = await call(server.base, '/api/v1/openapi.json');
    const { declared, used } = declaredAndUsedTags(r.body);
    expect(declared).toEqual(['feeds', 'lookup']);
    expect(used).toEqual(declared);
    // Kazakhstan's words (its identifier, its fund, its scheme) are not in a Russian register's document.
    expect(JSON.stringify(r.body)).not.toMatch(/ИИН|ФСМС|ОСМС/);
  });

  it('has schemas that compile as JSON Schema 2020-12 and reject what the API never sends', async () => {
    const contract = await Contract.fetch(server.base);
    const answer = contract.schema('PolicyAnswer');
    const problem = contract.schema('Problem');
    expect(answer({ insured: true })).toBe(false);
    expect(problem({ type: 'https://x', title: 't', status: 200, detail: 'd', code: 'X' })).toBe(false);
    expect(problem({ type: 'https://x', title: 't', status: 404, detail: 'd', code: 'X', extra: 1 })).toBe(
      true,
    );
  });
});
