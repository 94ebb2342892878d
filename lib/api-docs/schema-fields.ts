/**
 * A JSON Schema (2020-12, as the OpenAPI document carries it) as the rows of a field table for people:
 * every member with its dotted path, type in words, whether it is always present, and its description.
 * Only the shapes zod emits for our schemas are read: objects, arrays, `type` lists, `anyOf` with null,
 * enums, formats and numeric bounds.
 */
export type JsonSchema = { [key: string]: unknown };

export interface SchemaField {
  /** `person.birthDate`, `errors[].code`. */
  path: string;
  /** Nesting level, 0 for a top-level member. */
  depth: number;
  /** The type in words: `string (date)`, `integer, 400–599`, `object | null`. */
  type: string;
  /** Allowed values, when the schema lists them. */
  values: readonly string[];
  /** The member is always present (it may still be null when its type says so). */
  required: boolean;
  description: string | null;
}

const isSchema = (value: unknown): value is JsonSchema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isNullSchema = (s: unknown) => isSchema(s) && s.type === 'null';

/** The non-null part of a schema and whether null is allowed too. */
function unwrapNullable(schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const anyOf: unknown[] | null = Array.isArray(schema.anyOf) ? (schema.anyOf as unknown[]) : null;
  if (anyOf && anyOf.length === 2 && anyOf.some(isNullSchema)) {
    const inner = anyOf.find((s) => !isNullSchema(s));
    if (isSchema(inner)) {
      const { anyOf: _anyOf, ...rest } = schema;
      return { schema: { ...inner, ...rest }, nullable: true };
    }
  }
  if (Array.isArray(schema.type) && schema.type.includes('null')) {
    const types = schema.type.filter((t) => t !== 'null');
    return { schema: { ...schema, type: types.length === 1 ? types[0] : types }, nullable: true };
  }
  return { schema, nullable: false };
}

/** Bounds worth telling: `Number.MAX_SAFE_INTEGER` is zod's way of saying "no upper bound". */
function bounds(schema: JsonSchema): string | null {
  const min = typeof schema.minimum === 'number' ? schema.minimum : null;
  const rawMax = typeof schema.maximum === 'number' ? schema.maximum : null;
  const max = rawMax !== null && rawMax < Number.MAX_SAFE_INTEGER ? rawMax : null;
  if (min !== null && max !== null) return `${min}–${max}`;
  if (min !== null) return `≥ ${min}`;
  if (max !== null) return `≤ ${max}`;
  return null;
}

function baseType(schema: JsonSchema): string {
  const type = Array.isArray(schema.type)
    ? schema.type.map(String).join(' | ')
    : typeof schema.type === 'string'
      ? schema.type
      : 'any';
  if (type === 'array') {
    const items = isSchema(schema.items) ? unwrapNullable(schema.items) : null;
    return items ? `array of ${typeText(items.schema, items.nullable)}` : 'array';
  }
  const format = typeof schema.format === 'string' ? ` (${schema.format})` : '';
  const pattern =
    !format && typeof schema.pattern === 'string' && schema.pattern.length <= 24 ? ` ${schema.pattern}` : '';
  const maxLength = typeof schema.maxLength === 'number' ? `, ≤ ${schema.maxLength} chars` : '';
  const range = bounds(schema);
  return `${type}${format}${pattern}${maxLength}${range ? `, ${range}` : ''}`;
}

function typeText(schema: JsonSchema, nullable: boolean): string {
  return nullable ? `${baseType(schema)} | null` : baseType(schema);
}

/** The rows of an object schema, members in their order, nested objects and array items after their parent. */
export function schemaFields(schema: JsonSchema, prefix = '', depth = 0): SchemaField[] {
  const properties = isSchema(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const rows: SchemaField[] = [];
  for (const [name, raw] of Object.entries(properties)) {
    if (!isSchema(raw)) continue;
    const { schema: member, nullable } = unwrapNullable(raw);
    const path = `${prefix}${name}`;
    rows.push({
      path,
      depth,
      type: typeText(member, nullable),
      values: Array.isArray(member.enum) ? member.enum.map(String) : [],
      required: required.has(name),
      description: typeof raw.description === 'string' ? raw.description : null,
    });
    if (member.type === 'object') rows.push(...schemaFields(member, `${path}.`, depth + 1));
    if (member.type === 'array' && isSchema(member.items)) {
      const items = unwrapNullable(member.items).schema;
      if (items.type === 'object') rows.push(...schemaFields(items, `${path}[].`, depth + 1));
    }
  }
  return rows;
}
