import type { z } from 'zod';
import { AppError, fieldIssue, type FieldIssue } from '@/lib/errors';

/**
 * A REST query string read against its zod schema, the one that also documents it (openapi.ts): every
 * door of api/v1 reads its query here, so a repeated, unknown, missing or invalid parameter is refused
 * the same way everywhere, each one named.
 */

/** The query string as one value per name; a name given twice is an error, not "the last one wins". */
function queryParams(url: URL): { values: Record<string, string>; repeated: FieldIssue[] } {
  const values: Record<string, string> = {};
  const repeated: FieldIssue[] = [];
  for (const [name, value] of url.searchParams) {
    if (Object.hasOwn(values, name)) {
      if (!repeated.some((i) => i.field === name))
        repeated.push(fieldIssue(name, 'VALIDATION_FAILED', 'Параметр указан несколько раз.'));
    } else values[name] = value;
  }
  return { values, repeated };
}

function shapeIssues(issues: readonly z.core.$ZodIssue[], values: Record<string, string>): FieldIssue[] {
  return issues.flatMap((i) => {
    if (i.code === 'unrecognized_keys')
      return i.keys.map((key) => fieldIssue(key, 'VALIDATION_FAILED', 'Неизвестный параметр запроса.'));
    const name = String(i.path[0] ?? 'query');
    return Object.hasOwn(values, name) || name === 'query'
      ? [fieldIssue(name, 'VALIDATION_FAILED', 'Недопустимое значение параметра.')]
      : [fieldIssue(name, 'FIELD_REQUIRED', 'Укажите обязательный параметр запроса.')];
  });
}

/** The query as `schema` reads it, or a validation error naming every parameter at fault. */
export function parseQuery<S extends z.ZodType>(url: URL, schema: S): z.output<S> {
  const { values, repeated } = queryParams(url);
  const params = schema.safeParse(values);
  if (!params.success || repeated.length) {
    throw AppError.validation([
      ...repeated,
      ...(params.success ? [] : shapeIssues(params.error.issues, values)),
    ]);
  }
  return params.data;
}
