import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer } from '@/testing/api/api-server';
import { sendExample } from '@/testing/api/send-example';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { registerPerson } from '@/lib/register/register-person';
import { adultInput, metaAt } from '@/testing/register/people';
import { fhirExamples, restExamples, type ExamplePerson, type ExampleRequest } from './examples';

/**
 * Every example request of the API documentation page, built for a person of this test's own, is sent to
 * the real API router with a real key and answered about that person: the examples cannot drift from
 * what the server accepts.
 */
let base = '';
let key = '';
let close: () => Promise<void>;
let person: ExamplePerson;
const visitDate = '2026-03-02';

beforeAll(async () => {
  ({ base, close } = await startApiServer());
  ({ key } = await createApiKey({ moCode: '770001' }, { kind: 'system', id: 'test' }));
  const input = adultInput();
  const { enp } = await registerPerson(input, metaAt('2026-01-15T09:00:00Z'));
  person = {
    enp,
    snils: input.person.snils!,
    birthDate: input.person.birthDate,
    passport: { series: input.document.series!, number: input.document.number },
  };
});
afterAll(() => close());

const send = (path: string, method: ExampleRequest['method'], body?: Record<string, unknown>) =>
  sendExample(base, key, { path, method, body });

describe('the documented example requests', () => {
  it('REST: each form of the lookup finds the person and says they are insured', async () => {
    const examples = restExamples(person, visitDate);
    expect(examples).toHaveLength(3);
    for (const example of examples) {
      const res = await send(example.path, example.method);
      expect(res.status, example.path).toBe(200);
      const answer = JSON.parse(res.text) as { enp: string; insured: boolean; asOf: string };
      expect(answer.enp, example.path).toBe(person.enp);
      expect(answer.insured, example.path).toBe(true);
    }
    expect((JSON.parse((await send(examples[1]!.path, 'GET')).text) as { asOf: string }).asOf).toBe(
      visitDate,
    );
  });

  it('FHIR: each search finds the person, and the eligibility request says the policy is in force', async () => {
    const examples = fhirExamples(person, visitDate);
    expect(examples).toHaveLength(5);
    const searches = examples.filter((e) => e.method === 'GET');
    expect(searches).toHaveLength(4);
    for (const example of searches) {
      const res = await send(example.path, example.method);
      expect(res.status, example.path).toBe(200);
      expect(res.text, example.path).toContain(person.enp);
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
