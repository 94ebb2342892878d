import { eq } from 'drizzle-orm';
import { persons } from '@/db/schema';
import { checkPersonData, type PersonDataInput } from './person-input';
import { changedFields, runCorrection, type CorrectionAuthor, type CorrectionTarget } from './correction';

export interface CorrectPersonDataInput extends CorrectionTarget {
  person: PersonDataInput;
}

const PERSON_FIELDS = [
  'lastName',
  'firstName',
  'patronymic',
  'sex',
  'birthDate',
  'birthPlace',
  'citizenship',
  'snils',
] as const;

/**
 * Corrects a person's own data (ФИО, sex, birth date and place, citizenship, СНИЛС) from the console.
 * The register keeps the earlier values in the event; an earlier name stays searchable (person_names).
 */
export async function correctPersonData(input: CorrectPersonDataInput, author: CorrectionAuthor) {
  return runCorrection(author, input, (w, { person, c }) => {
    const data = checkPersonData(c, input.person, w.today);
    if (!data) return null;
    const current = Object.fromEntries(PERSON_FIELDS.map((k) => [k, person[k]]));
    const { before, after } = changedFields(current, data);
    return async () => {
      if (Object.keys(after).length)
        await w.tx
          .update(persons)
          .set({ ...(after as Partial<typeof persons.$inferInsert>), updatedAt: w.now })
          .where(eq(persons.id, person.id));
      return {
        entity: 'person' as const,
        entityId: person.id,
        action: 'person.corrected',
        effectiveDate: w.today,
        before,
        after,
      };
    };
  });
}
