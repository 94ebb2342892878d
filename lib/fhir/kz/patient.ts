import type { Identifier, Patient, Reference } from '@medplum/fhirtypes';
import { validateIin } from '@/lib/domain/kz/iin';
import type { OsmsAnswer } from '@/lib/kz/lookup/osms-answer';
import { fullName, staleMeta } from '../common';
import { V2_0203_SYSTEM } from '../systems';
import { IIN_SYSTEM } from '@/lib/kz/fhir-systems';

/**
 * OsmsAnswer → Patient in a Kazakh deployment: the ИИН, ФИО, sex and birth date — what the clinic lookup may
 * tell, and nothing more. The logical id is `iin-<ИИН>`: the person's number for life, so a read by id is
 * the same lookup as a search by ИИН (and is logged as one). Names as in the Russian converter: `family`,
 * then `given` = first name and patronymic.
 */

const PATIENT_ID_PREFIX = 'iin-';

export function osmsPatientId(iin: string): string {
  return `${PATIENT_ID_PREFIX}${iin}`;
}

/** The ИИН after `prefix` in a logical id of ours (`iin-…`, `osms-…`), or null when the id is not one. */
export function iinFromId(id: string, prefix: string): string | null {
  if (!id.startsWith(prefix)) return null;
  const value = id.slice(prefix.length);
  const checked = validateIin(value);
  return checked.ok && checked.value.iin === value ? value : null;
}

/** The ИИН behind a Patient id, or null when the id is not one of ours. */
export function iinFromPatientId(id: string): string | null {
  return iinFromId(id, PATIENT_ID_PREFIX);
}

/** The ИИН as an identifier: HL7 v2-0203 `NI` (national unique individual identifier). */
export function iinIdentifier(iin: string): Identifier {
  return {
    use: 'official',
    type: {
      coding: [{ system: V2_0203_SYSTEM, code: 'NI', display: 'National unique individual identifier' }],
      text: 'ИИН',
    },
    system: IIN_SYSTEM,
    value: iin,
  };
}

export function toOsmsPatient(answer: OsmsAnswer): Patient {
  const { person } = answer;
  return {
    resourceType: 'Patient',
    id: osmsPatientId(answer.iin),
    ...staleMeta(answer),
    identifier: [iinIdentifier(answer.iin)],
    name: [
      {
        use: 'official',
        text: fullName(person),
        family: person.lastName,
        given: person.patronymic ? [person.firstName, person.patronymic] : [person.firstName],
      },
    ],
    gender: person.sex === 'M' ? 'male' : 'female',
    birthDate: person.birthDate,
  };
}

/** A reference to the Patient of an answer, from another resource (Coverage.beneficiary). */
export function osmsPatientReference(answer: OsmsAnswer): Reference<Patient> {
  return {
    reference: `Patient/${osmsPatientId(answer.iin)}`,
    type: 'Patient',
    identifier: iinIdentifier(answer.iin),
    display: fullName(answer.person),
  };
}
