import { expect } from 'vitest';
import { expectValidFhir } from '@/lib/fhir/testing/fhir-validator';
import { startApiServer, type TestApiServer } from '../../v1/testing/api-server';

/** The API router alone on a loopback port, as `scripts/serve.ts` runs it in front of Next. */
export function startFhirServer(): Promise<TestApiServer> {
  return startApiServer();
}

export interface FhirResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * One request to the FHIR API. Whatever the status, the answer must be FHIR JSON: the content type is
 * checked and the body validated as FHIR R4 (lib/fhir/testing/fhir-validator.ts) — so every test that
 * calls an endpoint also proves the validity of what it got, errors included.
 */
export async function fhir<T = Record<string, unknown>>(
  base: string,
  path: string,
  options: { key?: string; method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<FhirResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (options.body !== undefined) headers['content-type'] ??= 'application/fhir+json';
  const res = await fetch(`${base}${path}`, {
    method: options.method ?? (options.body !== undefined ? 'POST' : 'GET'),
    headers,
    ...(options.body !== undefined
      ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }
      : {}),
  });
  const text = await res.text();
  expect(res.headers.get('content-type'), `${path}: content type`).toBe(
    'application/fhir+json; charset=utf-8',
  );
  const body = JSON.parse(text) as T;
  expectValidFhir(body);
  return { status: res.status, headers: res.headers, body };
}
