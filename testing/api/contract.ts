import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { expect } from 'vitest';
import type { ApiResponse } from '@/testing/api/api-server';

interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, OpenApiResponse> }>>;
  components: { schemas: Record<string, object> };
}
interface OpenApiResponse {
  content?: Record<string, { schema: { $ref?: string } }>;
}

/**
 * Checks real responses against the served OpenAPI document: the status must be documented for the
 * operation, the media type too, and the body must validate against its JSON Schema (draft 2020-12).
 */
export class Contract {
  private readonly ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {}

  static async fetch(base: string): Promise<Contract> {
    const res = await fetch(`${base}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    return new Contract((await res.json()) as OpenApiDocument);
  }

  schema(name: string): ValidateFunction {
    let validate = this.compiled.get(name);
    if (!validate) {
      const schema = this.document.components.schemas[name];
      if (!schema) throw new Error(`no schema ${name} in the document`);
      validate = this.ajv.compile(schema);
      this.compiled.set(name, validate);
    }
    return validate;
  }

  /** Throws (fails the test) unless the response is what the document promises for this operation. */
  check(path: string, method: string, response: ApiResponse): void {
    // A 405 answers a method the path does not have: it is documented on the methods it does have.
    const operations = this.document.paths[path] ?? {};
    const operation =
      response.status === 405 ? Object.values(operations)[0] : operations[method.toLowerCase()];
    expect(operation, `${method} ${path} is documented`).toBeDefined();
    const documented = operation!.responses[String(response.status)];
    expect(documented, `${method} ${path} documents status ${response.status}`).toBeDefined();
    const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
    const content = documented!.content?.[mediaType];
    expect(content, `status ${response.status} is documented as ${mediaType}`).toBeDefined();
    const ref = content!.schema.$ref;
    if (!ref) return;
    const validate = this.schema(ref.replace('#/components/schemas/', ''));
    const ok = validate(response.body);
    expect(ok ? [] : validate.errors, `the ${response.status} body conforms to ${ref}`).toEqual([]);
  }
}
