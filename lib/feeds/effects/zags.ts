import { findPersonByDocument } from '@/lib/applications/register-search';
import { formatDateRu, type LocalDate } from '@/lib/domain/dates';
import { formatEnp } from '@/lib/domain/ru/enp';
import { sameName } from '@/lib/domain/ru/person';
import { AppError, fieldIssue } from '@/lib/errors';
import { notifyPerson } from '@/lib/notifications/person-recipient';
import { changeName } from '@/lib/register/change-name';
import { latestCoverage, type CoverageRow } from '@/lib/register/coverage-queries';
import { findInsurer } from '@/lib/register/directory-queries';
import { registerPerson, type RegisterPersonInput } from '@/lib/register/register-person';
import { terminatePolicy } from '@/lib/register/terminate-policy';
import { findReferencedPerson } from '../find-person';
import type { EventOf } from '../events';
import { assignedInsurer, eventDocument, inEventTerms, type Effect } from './context';

/** Where and with whom a newborn is insured: the mother's policy in force at the birth, or null (none). */
export function motherInsurance(
  hers: CoverageRow | null,
  born: LocalDate,
): { subjectCode: string; insurerCode: string } | null {
  const inForce = hers && hers.status !== 'terminated' && (hers.validTo === null || hers.validTo > born);
  return inForce ? { subjectCode: hers.subjectCode, insurerCode: hers.insurerCode } : null;
}

/** The new person a birth forms: the child, the certificate, the policy from birth, the mother. */
export function birthRegistration(
  event: EventOf<'birth.registered'>,
  motherId: number,
  insurance: { subjectCode: string; insurerCode: string },
): RegisterPersonInput {
  const { child, certificate } = event.data;
  return {
    person: { ...child, citizenship: 'RUS', snils: null },
    document: { kind: 3, ...certificate },
    coverage: { ...insurance, reason: 'birth', on: child.birthDate },
    representative: { personId: motherId, kind: 'parent' },
  };
}

/** The use case's field names in the event's terms. */
export const BIRTH_FIELDS = {
  'person.': 'data.child.',
  'document.': 'data.certificate.',
  coverage: 'data.region',
};

/** What the mother reads in the portal about her newborn. */
export function birthNotice(
  child: { lastName: string; firstName: string },
  born: LocalDate,
  enp: string,
  insurerName: string,
): string {
  return (
    `Органы ЗАГС сообщили о рождении ребёнка: ${child.lastName} ${child.firstName}, ${formatDateRu(born)}. ` +
    `Ребёнку присвоен единый номер полиса ОМС ${formatEnp(enp)}; до вашего выбора он застрахован ` +
    `в страховой компании ${insurerName}. Выберите страховую компанию ребёнка: ` +
    `подайте заявление «Регистрация ребёнка» в личном кабинете.`
  );
}

/**
 * ЗАГС birth: the child gets an ЕНП and a policy through the mother's insurer (in her region) until a
 * parent chooses — the first choice is journey 2, which matches this child by the certificate. The mother
 * is told in the portal. A child already registered through the portal with this certificate is the same
 * person: nothing is formed twice.
 */
export const birthRegistered: Effect<'birth.registered'> = async ({ tx, meta }, event) => {
  const { child, certificate, region, mother: motherRef } = event.data;
  const doc = eventDocument({ kind: 3, ...certificate }, 'data.certificate');
  const known = await findPersonByDocument(tx, doc);
  if (known) {
    if (known.birthDate === child.birthDate && sameName(known.firstName, child.firstName)) return known;
    throw AppError.validation([fieldIssue('data.certificate.number', 'DOCUMENT_ALREADY_REGISTERED')]);
  }
  const mother = await findReferencedPerson(tx, motherRef, 'data.mother', 'FEED_MOTHER_NOT_FOUND');
  const born = child.birthDate as LocalDate;
  const insurance = motherInsurance(await latestCoverage(tx, mother.id), born) ?? {
    subjectCode: region,
    insurerCode: await assignedInsurer(tx, region, born),
  };
  const registered = await inEventTerms(BIRTH_FIELDS, () =>
    registerPerson(birthRegistration(event, mother.id, insurance), meta),
  );
  const insurer = await findInsurer(tx, insurance.insurerCode);
  await notifyPerson(tx, {
    personId: mother.id,
    aboutPersonId: registered.personId,
    at: meta.now ?? new Date(),
    text: birthNotice(child, born, registered.enp, insurer?.nameShort ?? insurance.insurerCode),
  });
  return { id: registered.personId, enp: registered.enp };
};

/** ЗАГС death: coverage terminated from the date of death (retroactively, if later changes were recorded). */
export const deathRegistered: Effect<'death.registered'> = async ({ tx, meta }, event) => {
  const person = await findReferencedPerson(tx, event.data.person, 'data.person');
  if (person.deathDate) {
    throw new AppError('PERSON_DECEASED', {
      message: `Смерть этого человека уже зарегистрирована (дата смерти ${formatDateRu(person.deathDate)}): повторно не применяется.`,
      fields: [fieldIssue('data.person', 'PERSON_DECEASED', 'Смерть уже зарегистрирована.')],
    });
  }
  if (event.data.deathDate < person.birthDate) {
    throw AppError.validation([
      fieldIssue('data.deathDate', 'DATE_RANGE_INVALID', 'Дата смерти раньше даты рождения.'),
    ]);
  }
  await inEventTerms({ on: 'data.deathDate' }, () =>
    terminatePolicy({ personId: person.id, reason: 'death', on: event.data.deathDate }, meta),
  );
  return person;
};

/** ЗАГС name change: the new ФИО on the record, the old one kept in the history search looks in. */
export const nameChanged: Effect<'name.changed'> = async ({ tx, meta }, event) => {
  const { person: ref, newName, changedOn } = event.data;
  const person = await findReferencedPerson(tx, ref, 'data.person');
  await inEventTerms({ newName: 'data.newName', on: 'data.changedOn' }, () =>
    changeName(
      {
        personId: person.id,
        oldName: { lastName: ref.lastName, firstName: ref.firstName, patronymic: ref.patronymic ?? null },
        newName,
        on: changedOn,
      },
      meta,
    ),
  );
  return person;
};
