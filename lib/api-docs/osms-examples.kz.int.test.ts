import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { startApiServer } from '@/testing/api/api-server';
import { sendExample } from '@/testing/api/send-example';
import { citizen, membership } from '@/testing/kz/osms';
import { createKzPerson } from '@/testing/kz/register';
import type { ExampleRequest } from './examples';
import { osmsFhirExamples, osmsRestExamples } from './osms-examples';

/**
 * Every example request of a Kazakh deployment's API documentation, built for a person of this test's own,
 * is sent to the real API router with a real key and answered about that person.
 */
let base = '';
let key = '';
let close: () => Promise<void>;
let iin = '';
const visitDate = '2026-03-02';

beforeAll(async () => {
  ({ base, close } = await startApiServer());
  ({ key } = await createApiKey({ moCode: '750001' }, { kind: 'system', id: 'test' }));
  ({ iin } = await createKzPerson(getDb(), {
    facts: citizen({ memberships: [membership('PENSIONER', '2020-01-01', null)] }),
  }));
});
afterAll(() => close());

const send = (path: string, method: ExampleRequest['method'], body?: Record<string, unknown>) =>
  sendExample(base, key, { path, method, body });

describe('the documented example requests of a Kazakh deployment', () => {
  it('REST: each finds the person by ИИН and says they are insured on the date', async () => {
    const examples = osmsRestExamples(iin, visitDate);
    expect(examples).toHaveLength(2);
    for (const example of examples) {
      const res = await send(example.path, example.method);
      expect(res.status, example.path).toBe(200);
      expect(JSON.parse(res.text), example.path).toMatchObject({
        iin,
        insured: true,
        code: 'STATE_CATEGORY',
      });
    }
    expect(JSON.parse((await send(examples[1]!.path, 'GET')).text)).toMatchObject({ asOf: visitDate });
  });

  it('FHIR: each search finds the person, and the eligibility request says the right is in force', async () => {
    const examples = osmsFhirExamples(iin, visitDate);
    const searches = examples.filter((e) => e.method === 'GET');
    expect(searches).toHaveLength(2);
    for (const example of searches) {
      const res = await send(example.path, example.method);
      expect(res.status, example.path).toBe(200);
      expect(res.text, example.path).toContain(iin);
      expect(JSON.parse(res.text), example.path).toMatchObject({ resourceType: 'Bundle', total: 1 });
    }
    const [eligibility] = examples.filter((e) => e.method === 'POST');
    const res = await send(eligibility!.path, 'POST', eligibility!.body);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({
      resourceType: 'CoverageEligibilityResponse',
      servicedDate: visitDate,
      insurance: [{ inforce: true }],
    });
  });
});
