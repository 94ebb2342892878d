import { expect, type Page } from '@playwright/test';
import { systemActor } from '../../lib/auth/actor';
import { syntheticCitizen } from '../../lib/auth/esia-dev/synthetic-citizens';
import { registerPerson } from '../../lib/register/register-person';
import { signInAsSynthetic } from './citizen';
import { confirmation, heading, next, send, start } from './journeys';
import { connectTestDatabase, newIdentity, syntheticRegistration, type OwnIdentity } from './people';

/**
 * An application of the test's own that waits for an operator: a fresh synthetic citizen applies for a
 * policy (journey 1, through the real pages) while the register already holds a namesake — same ФИО and
 * birth date, other documents, registered from this worker — so the automatic checks send it to a
 * specialist. The citizen's page stays signed in; returns the application's number.
 */
export async function queuedApplication(
  page: Page,
  insurerCode = '77001',
): Promise<{ number: string; applicant: OwnIdentity; namesakeId: number }> {
  connectTestDatabase();
  const applicant = newIdentity();
  const c = syntheticCitizen(applicant.seed);
  const other = syntheticCitizen(newIdentity().seed);
  // The namesake: the applicant's ФИО and birth date, someone else's passport and СНИЛС.
  const input = syntheticRegistration(c, { insurerCode: '77002', moCode: null });
  const namesake = await registerPerson(
    {
      ...input,
      person: { ...input.person, snils: other.snils! },
      document: { ...input.document, series: other.passport!.series, number: other.passport!.number },
    },
    { actor: systemActor('e2e-fixture'), source: 'test', now: new Date() },
  );
  await signInAsSynthetic(page, applicant.seed, '/lk/poluchit-polis');
  await start(page);
  await page.getByLabel('Регион (субъект РФ)').selectOption({ label: 'город Москва' });
  await next(page);
  await page.locator(`input[name="insurerCode"][value="${insurerCode}"]`).check();
  await next(page);
  await expect(heading(page, 'Проверьте ответы')).toBeVisible();
  await send(page);
  const number = await confirmation(page, 'Заявление принято');
  return { number, applicant, namesakeId: namesake.personId };
}
