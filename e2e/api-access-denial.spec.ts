import { expect, test, type APIRequestContext } from '@playwright/test';
import { signInAsCitizen } from './support/citizen';
import { demoPerson } from './support/demo';
import { signInAsStaff } from './support/staff';

/**
 * The machine APIs accept only an МО's API key: a browser session — a citizen's or a registrar's — is not
 * a credential there, whatever cookies come along.
 */
async function expectApisRefuse(request: APIRequestContext): Promise<void> {
  const enp = demoPerson('active-moscow-parent').enp;
  const rest = await request.get(`/api/v1/lookup?enp=${enp}`);
  expect(rest.status()).toBe(401);
  expect(rest.headers()['content-type']).toContain('application/problem+json');
  const body = (await rest.json()) as { code: string };
  expect(body.code).toBe('UNAUTHENTICATED');
  expect(JSON.stringify(body)).not.toContain(demoPerson('active-moscow-parent').lastName);

  const fhir = await request.get(
    `/fhir/Coverage?beneficiary.identifier=https://fhir.ru/ig/core/systems/oms|${enp}`,
  );
  expect(fhir.status()).toBe(401);
  const outcome = (await fhir.json()) as { resourceType: string };
  expect(outcome.resourceType).toBe('OperationOutcome');
}

test('a citizen session is not an API credential', async ({ page }) => {
  await signInAsCitizen(page, 'active-moscow-parent', '/lk');
  await expectApisRefuse(page.request);
});

test('a registrar session is not an API credential either', async ({ page }) => {
  await signInAsStaff(page, 'registrator');
  await expectApisRefuse(page.request);
});

test('a made-up bearer key is refused', async ({ request }) => {
  const response = await request.get(`/api/v1/lookup?enp=${demoPerson('active-moscow-parent').enp}`, {
    headers: { Authorization: 'Bearer oms_deadbeef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
  });
  expect(response.status()).toBe(401);
});
