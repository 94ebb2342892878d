import type { Transaction } from '@/db/client';
import type { FoundPerson } from '@/lib/applications/register-search';
import { addDays, type LocalDate } from '@/lib/domain/dates';
import { latestCoverage } from '@/lib/register/coverage-queries';
import { issuePolicy } from '@/lib/register/issue-policy';
import { invalidateDocument, recordDocument } from '@/lib/register/record-document';
import { registerPerson, type RegisterPersonInput } from '@/lib/register/register-person';
import { terminatePolicy } from '@/lib/register/terminate-policy';
import type { WriteMeta } from '@/lib/register/writer';
import { permitDocumentKind, type PersonRef } from '../events';
import { findReferencedPerson, PersonNotFound } from '../find-person';
import { assignedInsurer, eventDocument, inEventTerms, type Affected, type Effect } from './context';

const PASSPORT = 14;

/** The person if the register knows them; null when nobody matches (someone new to the register). */
async function knownPerson(tx: Transaction, ref: PersonRef): Promise<FoundPerson | null> {
  try {
    return await findReferencedPerson(tx, ref, 'data.person');
  } catch (error) {
    if (error instanceof PersonNotFound && error.code === 'FEED_PERSON_NOT_FOUND') return null;
    throw error;
  }
}

const NEW_PERSON_FIELDS = { 'person.': 'data.person.', coverage: 'data.region' };

/** Forms someone new to the register: person, ЕНП, document and coverage, in the distribution's insurer. */
async function formPerson(
  tx: Transaction,
  meta: WriteMeta,
  input: Omit<RegisterPersonInput, 'coverage'> & {
    coverage: Omit<RegisterPersonInput['coverage'], 'insurerCode'> & { on: LocalDate };
  },
  documentField: string,
): Promise<Affected> {
  const insurerCode = await assignedInsurer(tx, input.coverage.subjectCode, input.coverage.on);
  const registered = await inEventTerms({ ...NEW_PERSON_FIELDS, 'document.': `${documentField}.` }, () =>
    registerPerson({ ...input, coverage: { ...input.coverage, insurerCode } }, meta),
  );
  return { id: registered.personId, enp: registered.enp };
}

/**
 * A policy for someone already in the register, from `on`: kept with their insurer and region when they
 * have one in force (a foreigner's policy becomes a citizen's, or follows a new permit), otherwise with the
 * distribution's insurer in the event's region.
 */
async function issueFor(
  tx: Transaction,
  meta: WriteMeta,
  person: Affected,
  policy: {
    region: string;
    on: LocalDate;
    reason: 'citizenship_acquired' | 'residence_permit';
    validTo: LocalDate | null;
  },
): Promise<void> {
  const latest = await latestCoverage(tx, person.id);
  const inForce =
    latest && latest.status === 'active' && (latest.validTo === null || latest.validTo > policy.on);
  const subjectCode = inForce ? latest.subjectCode : policy.region;
  const insurerCode = inForce ? latest.insurerCode : await assignedInsurer(tx, policy.region, policy.on);
  await inEventTerms({ on: 'data', validTo: 'data' }, () =>
    issuePolicy(
      {
        personId: person.id,
        insurerCode,
        subjectCode,
        reason: policy.reason,
        on: policy.on,
        validTo: policy.validTo,
      },
      meta,
    ),
  );
}

/** МВД citizenship: a new citizen is formed with ЕНП and policy; a foreigner on record is converted. */
export const citizenshipAcquired: Effect<'citizenship.acquired'> = async ({ tx, meta }, event) => {
  const { person: data, passport, acquiredOn, region } = event.data;
  const passportInput = { kind: PASSPORT, ...passport };
  eventDocument(passportInput, 'data.passport');
  const on = acquiredOn as LocalDate;
  const known = await knownPerson(tx, data);
  if (!known) {
    return formPerson(
      tx,
      meta,
      {
        person: { ...data, citizenship: 'RUS' },
        document: passportInput,
        coverage: { subjectCode: region, reason: 'citizenship_acquired', on },
      },
      'data.passport',
    );
  }
  await inEventTerms({ 'document.': 'data.passport.' }, () =>
    recordDocument({ personId: known.id, document: passportInput, citizenship: 'RUS' }, meta),
  );
  await issueFor(tx, meta, known, { region, on, reason: 'citizenship_acquired', validTo: null });
  return known;
};

/** МВД passport issued: the new passport becomes current (an earlier one, if any, no longer valid). */
export const passportIssued: Effect<'passport.issued'> = async ({ tx, meta }, event) => {
  const person = await findReferencedPerson(tx, event.data.person, 'data.person');
  await inEventTerms({ 'document.': 'data.passport.' }, () =>
    recordDocument({ personId: person.id, document: { kind: PASSPORT, ...event.data.passport } }, meta),
  );
  return person;
};

/** МВД passport replaced: the old passport is kept as invalid, the new one is current. */
export const passportReplaced: Effect<'passport.replaced'> = async ({ tx, meta }, event) => {
  const person = await findReferencedPerson(tx, event.data.person, 'data.person');
  const replaces = eventDocument({ kind: PASSPORT, ...event.data.oldPassport }, 'data.oldPassport');
  await inEventTerms({ 'document.': 'data.passport.' }, () =>
    recordDocument(
      { personId: person.id, document: { kind: PASSPORT, ...event.data.passport }, replaces },
      meta,
    ),
  );
  return person;
};

/**
 * МВД permit issued to a foreigner: covered for the permit's validity (its last day included). Someone new
 * is formed; someone on record gets the permit and the period it gives.
 */
export const residencePermitIssued: Effect<'residence-permit.issued'> = async ({ tx, meta }, event) => {
  const { person: data, permit, region } = event.data;
  const { kind, validTo, ...printed } = permit;
  const permitInput = { kind: permitDocumentKind(kind), ...printed, validTo };
  eventDocument(permitInput, 'data.permit');
  const on = permit.issueDate as LocalDate;
  const until = addDays(validTo as LocalDate, 1);
  const known = await knownPerson(tx, data);
  if (!known) {
    return formPerson(
      tx,
      meta,
      {
        person: data,
        document: permitInput,
        coverage: { subjectCode: region, reason: 'residence_permit', on, validTo: until },
      },
      'data.permit',
    );
  }
  await inEventTerms({ 'document.': 'data.permit.' }, () =>
    recordDocument({ personId: known.id, document: permitInput }, meta),
  );
  await issueFor(tx, meta, known, { region, on, reason: 'residence_permit', validTo: until });
  return known;
};

/** МВД permit annulled: coverage ends from that date and the permit is kept as no longer valid. */
export const residencePermitAnnulled: Effect<'residence-permit.annulled'> = async ({ tx, meta }, event) => {
  const { person: ref, permit, annulledOn } = event.data;
  const person = await findReferencedPerson(tx, ref, 'data.person');
  const { kind, ...printed } = permit;
  const document = eventDocument({ kind: permitDocumentKind(kind), ...printed }, 'data.permit');
  const on = annulledOn as LocalDate;
  await invalidateDocument({ personId: person.id, document, on, basis: 'annulled' }, meta);
  await inEventTerms({ on: 'data.annulledOn' }, () =>
    terminatePolicy(
      {
        personId: person.id,
        reason: kind === 'residence_permit' ? 'residence_permit_annulled' : 'temporary_permit_annulled',
        on,
      },
      meta,
    ),
  );
  return person;
};
