import type { Bundle, OperationOutcome } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { startApiServer } from '@/testing/api/api-server';
import { fhir } from '@/testing/api/fhir-call';

// The shared per-key limiter reads its limits from the environment: set them before any module loads, so
// this file's process allows a burst of 2 and practically no refill.
vi.hoisted(() => {
  process.env.API_RATE_LIMIT_BURST = '2';
  process.env.API_RATE_LIMIT_PER_SECOND = '0.01';
});

const OMS = 'https://fhir.ru/ig/core/systems/oms';
let base = '';
let close: () => Promise<void>;
let key = '';

beforeAll(async () => {
  ({ base, close } = await startApiServer());
  ({ key } = await createApiKey({ moCode: '770001' }, { kind: 'system', id: 'test' }));
});

afterAll(async () => {
  await close();
});

describe('rate limit', () => {
  it('answers 429 with Retry-After and a throttled OperationOutcome over the per-key limit', async () => {
    const path = `/fhir/Patient?identifier=${encodeURIComponent(`${OMS}|7700000000000016`)}`;
    for (let i = 0; i < 2; i++) expect((await fhir<Bundle>(base, path, { key })).status).toBe(200);
    const limited = await fhir<OperationOutcome>(base, path, { key });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.body.issue[0]).toMatchObject({ severity: 'error', code: 'throttled' });
    // metadata is public and not counted
    expect((await fhir(base, '/fhir/metadata')).status).toBe(200);
  });
});
