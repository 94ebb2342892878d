import { and, eq, gt } from 'drizzle-orm';
import { personFormerNames, persons } from '@/db/schema';
import { parseDate } from '@/lib/domain/dates';
import { validatePersonName } from '@/lib/domain/ru/person';
import { IssueCollector } from '@/lib/domain/result';
import { AppError, fieldIssue } from '@/lib/errors';
import { runWrite, type WriteMeta } from './writer';

export interface PersonName {
  lastName: string;
  firstName: string;
  patronymic: string | null;
}

export interface ChangeNameInput {
  personId: number;
  /** The name as it was before the change (as the basis document says). */
  oldName: PersonName;
  newName: { lastName: string; firstName: string; patronymic?: string | null };
  /** The day the new name took effect. */
  on: string;
  expectedVersion?: number;
}

export interface ChangeNameResult {
  personId: number;
  /** False when a later change is already recorded: the old name joins the history, the current stays. */
  current: boolean;
}

/**
 * A change of ФИО (ЗАГС name change, or a correction): the name in force before `on` is kept in
 * `person_former_names` (with the day it stopped: what later agency events are matched against) and the
 * person's record carries the new one (the persons trigger keeps the old one findable in `person_names`). A change learnt after a later one (out of order) only adds the old name to the history.
 */
export async function changeName(input: ChangeNameInput, meta: WriteMeta): Promise<ChangeNameResult> {
  const c = new IssueCollector();
  const lastName = c.take(validatePersonName('newName.lastName', input.newName.lastName, { required: true }));
  const firstName = c.take(
    validatePersonName('newName.firstName', input.newName.firstName, { required: true }),
  );
  const patronymic = c.take(
    validatePersonName('newName.patronymic', input.newName.patronymic, { required: false }),
  );
  const on = c.take(parseDate('on', input.on));
  if (c.issues.length || !lastName || !firstName || patronymic === undefined || !on) {
    throw AppError.validation(c.issues);
  }
  return runWrite(meta, async (w) => {
    const { person } = await w.lockAuthorised(input.personId, 'person:correct', {
      expectedVersion: input.expectedVersion,
    });
    if (on < person.birthDate) {
      throw AppError.validation([
        fieldIssue('on', 'DATE_RANGE_INVALID', 'Дата смены имени не может быть раньше даты рождения.'),
      ]);
    }
    const [later] = await w.tx
      .select({ validTo: personFormerNames.validTo })
      .from(personFormerNames)
      .where(and(eq(personFormerNames.personId, person.id), gt(personFormerNames.validTo, on)))
      .limit(1);
    const current = later === undefined;
    const former = current
      ? { lastName: person.lastName, firstName: person.firstName, patronymic: person.patronymic }
      : input.oldName;
    await w.tx
      .insert(personFormerNames)
      .values({ personId: person.id, ...former, validTo: on, source: meta.source });
    if (current) {
      await w.tx.update(persons).set({ lastName, firstName, patronymic }).where(eq(persons.id, person.id));
    }
    await w.record({
      personId: person.id,
      entity: 'person',
      entityId: person.id,
      action: current ? 'person.name_changed' : 'person.former_name_recorded',
      effectiveDate: on,
      data: { former, name: { lastName, firstName, patronymic }, current },
    });
    await w.touchPerson(person.id);
    return { personId: person.id, current };
  });
}
