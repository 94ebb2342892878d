import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openApiDocument } from '@/api/v1/openapi';
import { schemaFields, type JsonSchema } from './schema-fields';

const toSchema = (s: z.ZodType) => z.toJSONSchema(s, { target: 'draft-2020-12', io: 'output' }) as JsonSchema;

describe('schemaFields', () => {
  it('lists members in order with nested objects and array items under their parent', () => {
    const schema = toSchema(
      z.strictObject({
        insured: z.boolean().describe('Covered on the date'),
        status: z.enum(['active', 'none']),
        person: z.strictObject({ birthDate: z.iso.date(), patronymic: z.string().nullable() }),
        insurer: z.strictObject({ code: z.string() }).nullable().describe('The insurer'),
        errors: z.array(z.strictObject({ field: z.string() })).optional(),
        status2: z.int().min(400).max(599),
        retryAfter: z.int().min(1),
        enp: z.string().regex(/^\d{16}$/),
        query: z.string().max(20).optional(),
      }),
    );
    const rows = schemaFields(schema);
    expect(rows.map((r) => [r.path, r.depth, r.type, r.required])).toEqual([
      ['insured', 0, 'boolean', true],
      ['status', 0, 'string', true],
      ['person', 0, 'object', true],
      ['person.birthDate', 1, 'string (date)', true],
      ['person.patronymic', 1, 'string | null', true],
      ['insurer', 0, 'object | null', true],
      ['insurer.code', 1, 'string', true],
      ['errors', 0, 'array of object', false],
      ['errors[].field', 1, 'string', true],
      ['status2', 0, 'integer, 400–599', true],
      ['retryAfter', 0, 'integer, ≥ 1', true],
      ['enp', 0, 'string ^\\d{16}$', true],
      ['query', 0, 'string, ≤ 20 chars', false],
    ]);
    expect(rows.find((r) => r.path === 'status')?.values).toEqual(['active', 'none']);
    expect(rows.find((r) => r.path === 'insurer')?.description).toBe('The insurer');
    expect(rows.find((r) => r.path === 'insured')?.description).toBe('Covered on the date');
    expect(rows.find((r) => r.path === 'person')?.description).toBeNull();
  });

  it('reads the served OpenAPI document: every member of the lookup answer and of a problem', () => {
    const { schemas } = openApiDocument().components;
    const answer = schemaFields(schemas.PolicyAnswer!).map((r) => r.path);
    for (const path of ['insured', 'statusCode', 'person.birthDate', 'insurer.phone', 'coverage.to', 'stale'])
      expect(answer, path).toContain(path);
    const problem = schemaFields(schemas.Problem);
    expect(problem.filter((r) => r.required && r.depth === 0).map((r) => r.path)).toEqual([
      'type',
      'title',
      'status',
      'detail',
      'code',
    ]);
    expect(problem.map((r) => r.path)).toContain('errors[].code');
  });
});
