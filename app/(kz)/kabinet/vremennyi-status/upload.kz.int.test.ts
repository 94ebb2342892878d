import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { kzTemporaryStatuses } from '@/db/schema';
import type { SignedInCitizen } from '@/lib/auth/citizen';
import { citizenActorFromClaims } from '@/lib/auth/citizen-resolve';
import { citizenClaimsFrom } from '@/lib/auth/citizen-claims';
import { syntheticKzCitizen } from '@/lib/auth/esia-dev/synthetic-kz-citizens';
import { testCitizenClaims } from '@/lib/auth/esia-dev/test-citizens';
import { createKzPerson, TEST_PDF } from '@/testing/kz/register';
import { uploadOwnDocument } from './upload';

/** A synthetic eGov account and the register person behind it, signed in as the portal resolves them. */
async function signedIn(seed: string): Promise<{ citizen: SignedInCitizen; personId: number }> {
  const account = syntheticKzCitizen(seed);
  const person = await createKzPerson(getDb(), { iin: account.iin });
  const claims = citizenClaimsFrom(testCitizenClaims(account))!;
  const { actor, matchedBy } = await citizenActorFromClaims(claims);
  expect({ personId: actor.personId, matchedBy }).toEqual({ personId: person.id, matchedBy: 'iin' });
  return {
    citizen: {
      actor,
      claims,
      displayName: account.familyName,
      matchedBy,
      expiresAt: new Date(Date.now() + 3_600_000),
    },
    personId: person.id,
  };
}

const file = (bytes: Uint8Array, name: string, type: string) => ({ name, type, bytes });

describe('the person’s upload in the cabinet', () => {
  it('grants the month for the signed-in person’s own ИИН (matched from eGov’s claim)', async () => {
    const { citizen, personId } = await signedIn('kzupload01');
    const state = await uploadOwnDocument(
      citizen,
      'FULL_TIME_STUDENT',
      file(TEST_PDF, 'spravka.pdf', 'application/pdf'),
    );
    expect(state.errors).toEqual([]);
    expect(state.result).toMatchObject({
      category: { code: 'FULL_TIME_STUDENT', name: 'Обучающиеся по очной форме' },
      documentName: 'spravka.pdf',
    });
    const rows = await getDb()
      .select()
      .from(kzTemporaryStatuses)
      .where(eq(kzTemporaryStatuses.personId, personId));
    expect(rows.map((r) => [r.uploadedBy, r.category, r.documentType])).toEqual([
      ['person', 'FULL_TIME_STUDENT', 'application/pdf'],
    ]);
  });

  it('says what is wrong on the form’s fields and nothing is recorded', async () => {
    const { citizen, personId } = await signedIn('kzupload02');
    const exe = new TextEncoder().encode('MZ\u0090\u0000 not a document');
    const state = await uploadOwnDocument(citizen, '', file(exe, 'scan.jpg', 'image/jpeg'));
    expect(state).toMatchObject({
      values: { category: '' },
      errors: [
        { field: 'category', message: 'Выберите льготную категорию.' },
        {
          field: 'document',
          message:
            'Документ должен быть в формате PDF, JPEG или PNG (проверяется содержимое файла, а не его имя).',
        },
      ],
      formError: null,
      result: null,
    });
    const none = await uploadOwnDocument(citizen, 'CHILDREN', null);
    expect(none.errors).toEqual([
      { field: 'document', message: 'Приложите документ, подтверждающий категорию.' },
    ]);
    const rows = await getDb()
      .select()
      .from(kzTemporaryStatuses)
      .where(eq(kzTemporaryStatuses.personId, personId));
    expect(rows).toHaveLength(0);
  });
});
