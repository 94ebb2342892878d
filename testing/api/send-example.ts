import type { ExampleRequest } from '@/lib/api-docs/examples';

/** Sends a documented example request with a real key, as a clinic's system would (JSON body for POST). */
export async function sendExample(
  base: string,
  key: string,
  example: Pick<ExampleRequest, 'path' | 'method' | 'body'>,
): Promise<{ status: number; text: string }> {
  const { body } = example;
  const res = await fetch(`${base}${example.path}`, {
    method: example.method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body ? { 'content-type': 'application/fhir+json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, text: await res.text() };
}
