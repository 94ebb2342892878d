import { randomInt } from 'node:crypto';
import { registerPerson } from '@/lib/register/register-person';
import { metaAt } from '@/testing/register/people';
import { newCertificate } from '@/testing/applications/citizens';

/** A child already in the register with the given parent as representative. */
export async function childOf(
  parentId: number,
  overrides: { birthDate?: string; subjectCode?: string; insurerCode?: string } = {},
) {
  const cert = newCertificate();
  const birthDate = overrides.birthDate ?? `2018-0${randomInt(1, 10)}-1${randomInt(0, 10)}`;
  return registerPerson(
    {
      person: { lastName: 'Детская', firstName: 'Вера', patronymic: null, sex: 'F', birthDate, snils: null },
      document: { kind: 3, series: cert.series, number: cert.number, issueDate: birthDate },
      coverage: {
        insurerCode: overrides.insurerCode ?? '77001',
        subjectCode: overrides.subjectCode ?? '77',
        reason: 'birth',
        on: birthDate,
      },
      attachment: null,
      representative: { personId: parentId, kind: 'parent' },
    },
    metaAt('2025-06-01T09:00:00Z'),
  );
}
