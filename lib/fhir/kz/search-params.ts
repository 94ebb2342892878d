import type { Identifier } from '@medplum/fhirtypes';
import type { LocalDate } from '@/lib/domain/dates';
import { AppError, isAppError } from '@/lib/errors';
import {
  parseOsmsLookup,
  type OsmsLookupInput,
  type OsmsLookupQuery,
} from '@/lib/kz/lookup/osms-lookup-query';
import {
  REQUEST_PATIENT_FIELD,
  REVINCLUDE_COVERAGE,
  SERVICED_DATE_FIELD,
  collectParams,
  eligibilityEnvelope,
  invalid,
  isObject,
  parseIdentifierToken,
  requestPatient,
  str,
  type EligibilityRequestLookup,
} from '../search-params';
import { iinFromPatientId } from './patient';
import { IIN_SYSTEM } from '@/lib/kz/fhir-systems';

/**
 * FHIR input → the lookup by ИИН of a Kazakh deployment (ADR 0033): Patient and Coverage searches and the
 * body of a CoverageEligibilityRequest. The ИИН is the only key, so the only identifier system is
 * IIN_SYSTEM: a Russian system (ЕНП, СНИЛС, documents) is refused naming the one accepted, and so is a
 * birth date (the number is checked by its own check digit, and a birth date that did not match would
 * answer "not found" for a person the access log says was read). Every refusal names the FHIR parameter
 * or element it is about.
 */

export interface OsmsFhirLookup {
  input: OsmsLookupInput;
  names: { identifier: string; onDate: string };
  /** The identifier the client asked by (to refer to the patient in an answer that found nobody). */
  asked: Identifier;
}

/** IIN_SYSTEM, in the spellings a client may send: `http`/`https`, a trailing slash. */
export function isIinSystem(system: string): boolean {
  const s = system
    .trim()
    .replace(/\/$/, '')
    .replace(/^http:/i, 'https:');
  return s.toLowerCase() === IIN_SYSTEM.toLowerCase();
}

function byIinToken(raw: string, param: string): Pick<OsmsFhirLookup, 'input' | 'asked'> {
  const { system, value } = parseIdentifierToken(raw, param);
  if (!isIinSystem(system)) {
    throw invalid(param, `Неизвестная система идентификатора. Поддерживается только ${IIN_SYSTEM} (ИИН).`);
  }
  return { input: { iin: value }, asked: { system: IIN_SYSTEM, value } };
}

export const OSMS_PATIENT_SEARCH_PARAMS = ['identifier', '_revinclude'] as const;

/** `GET /fhir/Patient?identifier=<IIN_SYSTEM>|<ИИН>[&_revinclude=Coverage:beneficiary]` */
export function osmsPatientSearch(params: URLSearchParams): {
  lookup: OsmsFhirLookup;
  revincludeCoverage: boolean;
} {
  const p = collectParams(params, OSMS_PATIENT_SEARCH_PARAMS);
  const revinclude = p.get('_revinclude');
  if (revinclude !== undefined && revinclude !== REVINCLUDE_COVERAGE) {
    throw invalid('_revinclude', `Поддерживается только _revinclude=${REVINCLUDE_COVERAGE}.`);
  }
  const raw = p.get('identifier');
  if (raw === undefined)
    throw invalid('identifier', `Укажите ИИН: identifier=${IIN_SYSTEM}|<ИИН>.`, 'FIELD_REQUIRED');
  return {
    lookup: { ...byIinToken(raw, 'identifier'), names: { identifier: 'identifier', onDate: 'identifier' } },
    revincludeCoverage: revinclude !== undefined,
  };
}

export const OSMS_COVERAGE_SEARCH_PARAMS = ['identifier', 'beneficiary.identifier'] as const;

/** `GET /fhir/Coverage?identifier=<IIN_SYSTEM>|<ИИН>` or `?beneficiary.identifier=…` (also typed chain). */
export function osmsCoverageSearch(params: URLSearchParams): { lookup: OsmsFhirLookup } {
  const untyped = new URLSearchParams();
  for (const [name, value] of params)
    untyped.append(name.replace(/^beneficiary:Patient\./, 'beneficiary.'), value);
  const p = collectParams(untyped, OSMS_COVERAGE_SEARCH_PARAMS);
  const given = OSMS_COVERAGE_SEARCH_PARAMS.filter((n) => p.has(n));
  if (given.length !== 1) {
    throw invalid(
      given[1] ?? 'beneficiary.identifier',
      `Укажите ИИН одним способом: identifier или beneficiary.identifier=${IIN_SYSTEM}|<ИИН>.`,
      given.length === 0 ? 'FIELD_REQUIRED' : 'VALIDATION_FAILED',
    );
  }
  const param = given[0]!;
  return { lookup: { ...byIinToken(p.get(param)!, param), names: { identifier: param, onDate: param } } };
}

export interface OsmsEligibilityRequestLookup extends Omit<EligibilityRequestLookup, 'lookup'> {
  lookup: OsmsFhirLookup;
}

/** `POST /fhir/CoverageEligibilityRequest`: a contained Patient with the ИИН, `Patient/iin-<ИИН>`, or the identifier. */
export function osmsEligibilityRequestLookup(body: unknown): OsmsEligibilityRequestLookup {
  const envelope = eligibilityEnvelope(body, 'Запрос о праве на медицинскую помощь в системе ОСМС');
  const patient = requestPatient(envelope.body);
  let found: Pick<OsmsFhirLookup, 'input' | 'asked'> & { field: string };
  switch (patient.kind) {
    case 'contained': {
      if (patient.birthDate !== undefined) {
        throw invalid(
          'Patient.birthDate',
          'Пациент определяется только по ИИН: дату рождения не указывайте.',
        );
      }
      found = { ...iinOfIdentifiers(patient.identifiers, 'Patient.identifier'), field: 'Patient.identifier' };
      break;
    }
    case 'reference': {
      const field = `${REQUEST_PATIENT_FIELD}.reference`;
      const id = /(?:^|\/)Patient\/([^/]+)$/.exec(patient.reference)?.[1];
      const iin = id ? iinFromPatientId(id) : null;
      if (!iin)
        throw invalid(
          field,
          'Ссылка на пациента должна вести на Patient/iin-<ИИН> или на вложенный Patient.',
        );
      found = { input: { iin }, asked: { system: IIN_SYSTEM, value: iin }, field };
      break;
    }
    case 'identifier': {
      const field = `${REQUEST_PATIENT_FIELD}.identifier`;
      found = { ...iinOfIdentifiers([patient.identifier], field), field };
      break;
    }
  }
  if (envelope.servicedDate !== undefined) found.input.onDate = envelope.servicedDate;
  return {
    lookup: {
      input: found.input,
      asked: found.asked,
      names: { identifier: found.field, onDate: SERVICED_DATE_FIELD },
    },
    request: envelope.request,
    purpose: envelope.purpose,
  };
}

function iinOfIdentifiers(identifiers: unknown[], field: string): Pick<OsmsFhirLookup, 'input' | 'asked'> {
  const iin = identifiers
    .filter(isObject)
    .find((i) => str(i.value) !== undefined && str(i.system) !== undefined && isIinSystem(str(i.system)!));
  if (!iin) {
    throw invalid(field, `Укажите ИИН пациента: identifier с system ${IIN_SYSTEM}.`, 'FIELD_REQUIRED');
  }
  const value = str(iin.value)!;
  return { input: { iin: value }, asked: { system: IIN_SYSTEM, value } };
}

/** parseOsmsLookup, its field names turned into the FHIR names the client used. */
export function toOsmsLookupQuery(lookup: OsmsFhirLookup, today: LocalDate): OsmsLookupQuery {
  try {
    return parseOsmsLookup(lookup.input, today);
  } catch (error) {
    if (!isAppError(error) || !error.fields.length) throw error;
    const fields = error.fields.map((f) => ({
      ...f,
      field: f.field === 'onDate' ? lookup.names.onDate : lookup.names.identifier,
    }));
    throw new AppError(error.code, { message: error.message, fields, details: error.details });
  }
}
