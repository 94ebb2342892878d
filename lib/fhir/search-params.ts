import type {
  CoverageEligibilityRequest,
  CoverageEligibilityResponse,
  Identifier,
  Reference,
} from '@medplum/fhirtypes';
import { AppError, fieldIssue, isAppError, type FieldIssue } from '@/lib/errors';
import type { LocalDate } from '@/lib/domain/dates';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';
import { parseLookupQuery, type LookupInput, type LookupQuery } from '@/lib/lookup/lookup-query';
import { enpFromPatientId } from './patient';
import {
  BIRTH_CERTIFICATE_SYSTEM,
  documentTypeSystemOf,
  ENP_SYSTEM,
  F011_SYSTEM,
  IDENTITY_DOCUMENT_SYSTEM,
  identifierKindOf,
  nsiToF011,
  SNILS_SYSTEM,
} from './systems';

/**
 * FHIR input → LookupInput: the search parameters of Patient and Coverage and the body of a
 * CoverageEligibilityRequest become the same lookup the workspace and REST make. Every refusal names the
 * FHIR parameter (or element) it is about, so the OperationOutcome can say where the mistake is.
 *
 * Identity documents travel as an identifier whose value is "<series> <number>": the number is the last
 * space-separated part and the series everything before it ("4510 123456", "45 10 123456",
 * "IV-МЮ 123456"); a passport may also be written as ten digits ("4510123456"); a «№» is ignored. The
 * kind is the identifier type: F011 (F011_SYSTEM) or, for the kinds it has, the core's НСИ code system.
 */

/** Where each part of the lookup came from, in FHIR terms. */
export interface FieldNames {
  identifier: string;
  birthDate: string;
  onDate: string;
}

export interface FhirLookup {
  input: LookupInput;
  names: FieldNames;
  /** The identifier the client asked by (to refer to the patient in an answer that found nobody). */
  asked: Identifier;
}

/** The patient identifier systems of the deployment's profile (ADR 0029), for the refusal that lists them. */
function supportedSystems(): string {
  return jurisdictionProfile()
    .fhir.patientIdentifiers.map((i) => `${i.system} (${i.label})`)
    .join(', ');
}

export function invalid(
  field: string,
  message: string,
  code: FieldIssue['code'] = 'VALIDATION_FAILED',
): AppError {
  return AppError.validation([fieldIssue(field, code, message)]);
}

// --- Tokens -------------------------------------------------------------------------------------------------

/**
 * Splits a token parameter value on unescaped `|`, undoing the FHIR search escapes (`\|`, `\,`, `\$`,
 * `\\`). An unescaped comma means "any of several values", which a lookup of one person does not take.
 */
export function splitToken(raw: string, param: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '\\' && i + 1 < raw.length) {
      current += raw[++i];
    } else if (ch === ',') {
      throw invalid(param, 'Укажите одно значение: поиск нескольких людей сразу не поддерживается.');
    } else if (ch === '|') {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map((p) => p.trim());
}

/** `system|value`: both required (a value alone could be any of several identifiers). */
export function parseIdentifierToken(raw: string, param: string): { system: string; value: string } {
  const parts = splitToken(raw, param);
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    const key = jurisdictionProfile().personIdentifier;
    throw invalid(
      param,
      `Укажите идентификатор в виде система|значение, например ${key.fhirSystem}|<${key.label}>.`,
      parts.length === 1 && !parts[0] ? 'FIELD_REQUIRED' : 'VALIDATION_FAILED',
    );
  }
  return { system: parts[0], value: parts[1] };
}

/** `type-system|type-code|value` of the `identifier:of-type` modifier. */
export function parseOfTypeToken(
  raw: string,
  param: string,
): { kind: number; typeSystem: string; code: string; value: string } {
  const parts = splitToken(raw, param);
  if (parts.length !== 3 || parts.some((p) => p === '')) {
    throw invalid(
      param,
      `Укажите документ в виде система-видов|код-вида|серия номер, например ${F011_SYSTEM}|14|4510 123456.`,
    );
  }
  const [typeSystem, code, value] = parts as [string, string, string];
  return { kind: documentKindOf(typeSystem, code, param), typeSystem, code, value };
}

/** The F011 kind of a document type coding (F011 itself, or the core's НСИ code for the kinds it has). */
export function documentKindOf(typeSystem: string, code: string, param: string): number {
  const system = documentTypeSystemOf(typeSystem);
  if (!system) {
    throw invalid(
      param,
      `Вид документа кодируется по классификатору F011 (${F011_SYSTEM}) или справочнику НСИ «Документы, удостоверяющие личность».`,
    );
  }
  if (system === 'nsi') {
    const kind = nsiToF011(code.trim());
    if (!kind) {
      throw invalid(param, `Для этого вида документа укажите код по классификатору F011 (${F011_SYSTEM}).`);
    }
    return kind;
  }
  if (!/^\d{1,3}$/.test(code.trim()))
    throw invalid(param, 'Код вида документа по F011 — число, например 14.');
  return Number(code.trim());
}

/** "<series> <number>" → its parts (see the module comment). */
export function splitDocumentValue(kind: number, value: string): { series: string | null; number: string } {
  const s = value.replace(/№/g, ' ').trim().replace(/\s+/g, ' ');
  if (kind === 14 && /^\d{10}$/.test(s)) return { series: s.slice(0, 4), number: s.slice(4) };
  const space = s.lastIndexOf(' ');
  return space < 0 ? { series: null, number: s } : { series: s.slice(0, space), number: s.slice(space + 1) };
}

/** A FHIR `date` search value for a birth date: a whole day, optionally with the `eq` prefix. */
export function parseBirthdateParam(raw: string, param: string): string {
  const value = raw.trim().replace(/^eq(?=\d)/, '');
  if (/^(ne|gt|lt|ge|le|sa|eb|ap)\d/.test(value)) {
    throw invalid(param, 'Дата рождения ищется только на совпадение: укажите дату без префикса.');
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw invalid(param, 'Укажите дату рождения полностью в формате ГГГГ-ММ-ДД.', 'DATE_INVALID');
  }
  return value;
}

// --- Identifiers → lookup input -----------------------------------------------------------------------------

function documentInput(kind: number, value: string): Pick<LookupInput, 'docType' | 'series' | 'number'> {
  const { series, number } = splitDocumentValue(kind, value);
  return { docType: String(kind), series, number };
}

/** An `identifier=system|value` of a Patient (or of Coverage's beneficiary). */
function byIdentifier(raw: string, param: string): { input: LookupInput; asked: Identifier } {
  const { system, value } = parseIdentifierToken(raw, param);
  switch (identifierKindOf(system)) {
    case 'enp':
      return { input: { enp: value }, asked: { system: ENP_SYSTEM, value } };
    case 'snils':
      return { input: { snils: value }, asked: { system: SNILS_SYSTEM, value } };
    case 'birth-certificate':
      return { input: documentInput(3, value), asked: { system: BIRTH_CERTIFICATE_SYSTEM, value } };
    case 'identity-document':
      throw invalid(
        param,
        `Для документа, удостоверяющего личность, укажите его вид: ${param}:of-type=${F011_SYSTEM}|<код F011>|<серия номер>.`,
      );
    case null:
      throw invalid(param, `Неизвестная система идентификатора. Поддерживаются: ${supportedSystems()}.`);
  }
}

function byDocumentType(raw: string, param: string): { input: LookupInput; asked: Identifier } {
  const { kind, typeSystem, code, value } = parseOfTypeToken(raw, param);
  return {
    input: documentInput(kind, value),
    asked: { system: IDENTITY_DOCUMENT_SYSTEM, type: { coding: [{ system: typeSystem, code }] }, value },
  };
}

// --- Search parameters --------------------------------------------------------------------------------------

/** Parameters any FHIR interaction may carry; `_format` is checked by the HTTP layer. */
const GENERAL_PARAMS = new Set(['_format']);

export function collectParams(params: URLSearchParams, allowed: readonly string[]): Map<string, string> {
  const issues: FieldIssue[] = [];
  const out = new Map<string, string>();
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    if (GENERAL_PARAMS.has(name)) continue;
    if (!allowed.includes(name)) {
      issues.push(
        fieldIssue(
          name,
          'VALIDATION_FAILED',
          `Параметр поиска не поддерживается. Поддерживаются: ${allowed.join(', ')}.`,
        ),
      );
    } else if (values.length > 1) {
      issues.push(
        fieldIssue(name, 'VALIDATION_FAILED', 'Параметр указан несколько раз: укажите его один раз.'),
      );
    } else {
      out.set(name, values[0]!);
    }
  }
  if (issues.length) throw AppError.validation(issues);
  return out;
}

function exactlyOne(p: Map<string, string>, names: readonly string[]): string {
  const given = names.filter((n) => p.has(n));
  if (given.length === 0) {
    throw invalid(
      names[0]!,
      'Укажите, кого искать: ЕНП, СНИЛС с датой рождения или документ с датой рождения.',
      'FIELD_REQUIRED',
    );
  }
  if (given.length > 1) {
    throw invalid(given[1]!, `Укажите один способ поиска: ${names.join(' или ')}.`);
  }
  return given[0]!;
}

export const PATIENT_SEARCH_PARAMS = [
  'identifier',
  'identifier:of-type',
  'birthdate',
  '_revinclude',
] as const;
export const REVINCLUDE_COVERAGE = 'Coverage:beneficiary';

export interface PatientSearch {
  lookup: FhirLookup;
  revincludeCoverage: boolean;
}

/** `GET /fhir/Patient?…` */
export function patientSearch(params: URLSearchParams): PatientSearch {
  const p = collectParams(params, PATIENT_SEARCH_PARAMS);
  const revinclude = p.get('_revinclude');
  if (revinclude !== undefined && revinclude !== REVINCLUDE_COVERAGE) {
    throw invalid('_revinclude', `Поддерживается только _revinclude=${REVINCLUDE_COVERAGE}.`);
  }
  const lookup = personLookup(p, {
    identifier: 'identifier',
    ofType: 'identifier:of-type',
    birthdate: 'birthdate',
  });
  return { lookup, revincludeCoverage: revinclude !== undefined };
}

export const COVERAGE_SEARCH_PARAMS = [
  'identifier',
  'beneficiary.identifier',
  'beneficiary.identifier:of-type',
  'beneficiary.birthdate',
] as const;

/** `GET /fhir/Coverage?…`; the chain may also be typed (`beneficiary:Patient.identifier`). */
export function coverageSearch(params: URLSearchParams): { lookup: FhirLookup } {
  const untyped = new URLSearchParams();
  for (const [name, value] of params)
    untyped.append(name.replace(/^beneficiary:Patient\./, 'beneficiary.'), value);
  const p = collectParams(untyped, COVERAGE_SEARCH_PARAMS);
  const way = exactlyOne(p, ['identifier', 'beneficiary.identifier', 'beneficiary.identifier:of-type']);
  if (way === 'identifier') {
    // Coverage.identifier is the policy number: the ЕНП (Core_Coverage identifier[omsPolicy]).
    const { system, value } = parseIdentifierToken(p.get('identifier')!, 'identifier');
    if (identifierKindOf(system) !== 'enp') {
      throw invalid('identifier', `Полис ищется по ЕНП: identifier=${ENP_SYSTEM}|<ЕНП>.`);
    }
    const birthdate = p.get('beneficiary.birthdate');
    return {
      lookup: {
        input: {
          enp: value,
          ...(birthdate !== undefined
            ? { birthDate: parseBirthdateParam(birthdate, 'beneficiary.birthdate') }
            : {}),
        },
        names: { identifier: 'identifier', birthDate: 'beneficiary.birthdate', onDate: 'identifier' },
        asked: { system: ENP_SYSTEM, value },
      },
    };
  }
  return {
    lookup: personLookup(p, {
      identifier: 'beneficiary.identifier',
      ofType: 'beneficiary.identifier:of-type',
      birthdate: 'beneficiary.birthdate',
    }),
  };
}

function personLookup(
  p: Map<string, string>,
  names: { identifier: string; ofType: string; birthdate: string },
): FhirLookup {
  const way = exactlyOne(p, [names.identifier, names.ofType]);
  const { input, asked } =
    way === names.identifier ? byIdentifier(p.get(way)!, way) : byDocumentType(p.get(way)!, way);
  const birthdate = p.get(names.birthdate);
  if (birthdate !== undefined) input.birthDate = parseBirthdateParam(birthdate, names.birthdate);
  return { input, names: { identifier: way, birthDate: names.birthdate, onDate: way }, asked };
}

// --- CoverageEligibilityRequest ------------------------------------------------------------------------------

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v : undefined;

const PURPOSES = ['auth-requirements', 'benefits', 'discovery', 'validation'] as const;
type Purpose = NonNullable<CoverageEligibilityResponse['purpose']>[number];

export interface EligibilityRequestLookup {
  lookup: FhirLookup;
  /** How the response refers to the request (CoverageEligibilityResponse.request). */
  request: Reference<CoverageEligibilityRequest>;
  purpose: Purpose[];
}

/** The ways a Patient identifier of a request can find a person, in order of preference. */
function lookupFromIdentifiers(
  identifiers: unknown[],
  field: string,
): { input: LookupInput; asked: Identifier } {
  const candidates = identifiers.filter(isObject).map((i) => ({
    system: str(i.system),
    value: str(i.value),
    typeCodings: (isObject(i.type) && Array.isArray(i.type.coding) ? i.type.coding : []).filter(isObject),
  }));
  const withValue = candidates.filter((c): c is typeof c & { value: string } => c.value !== undefined);
  const ofKind = (kind: string) => withValue.find((c) => c.system && identifierKindOf(c.system) === kind);
  const enp = ofKind('enp');
  if (enp) return { input: { enp: enp.value }, asked: { system: ENP_SYSTEM, value: enp.value } };
  const snils = ofKind('snils');
  if (snils) return { input: { snils: snils.value }, asked: { system: SNILS_SYSTEM, value: snils.value } };
  const birth = ofKind('birth-certificate');
  if (birth) {
    return {
      input: documentInput(3, birth.value),
      asked: { system: BIRTH_CERTIFICATE_SYSTEM, value: birth.value },
    };
  }
  for (const doc of withValue.filter((c) => c.system && identifierKindOf(c.system) === 'identity-document')) {
    for (const coding of doc.typeCodings) {
      const typeSystem = str(coding.system);
      const code = str(coding.code);
      if (!typeSystem || !code) continue;
      const kind = documentKindOf(typeSystem, code, field);
      return {
        input: documentInput(kind, doc.value),
        asked: {
          system: IDENTITY_DOCUMENT_SYSTEM,
          type: { coding: [{ system: typeSystem, code }] },
          value: doc.value,
        },
      };
    }
    throw invalid(field, `Укажите вид документа в identifier.type по классификатору F011 (${F011_SYSTEM}).`);
  }
  throw invalid(
    field,
    `Укажите идентификатор пациента: ЕНП (${ENP_SYSTEM}), СНИЛС (${SNILS_SYSTEM}) или документ, удостоверяющий личность.`,
    'FIELD_REQUIRED',
  );
}

/** How a request names its patient: a contained Patient (`#id`), a reference, or a logical identifier. */
export type RequestPatient =
  | { kind: 'contained'; identifiers: unknown[]; birthDate: unknown }
  | { kind: 'reference'; reference: string }
  | { kind: 'identifier'; identifier: unknown };

export const REQUEST_PATIENT_FIELD = 'CoverageEligibilityRequest.patient';

/** The patient element of a request, resolved as far as FHIR says (a `#id` to its contained Patient). */
export function requestPatient(body: Json): RequestPatient {
  const patient = body.patient;
  if (!isObject(patient))
    throw invalid(REQUEST_PATIENT_FIELD, 'Укажите пациента (patient).', 'FIELD_REQUIRED');
  const reference = str(patient.reference);
  if (reference?.startsWith('#')) {
    const id = reference.slice(1);
    const contained = (Array.isArray(body.contained) ? body.contained : []).filter(isObject);
    const found = contained.find((r) => r.resourceType === 'Patient' && r.id === id);
    if (!found)
      throw invalid(
        `${REQUEST_PATIENT_FIELD}.reference`,
        `В запросе нет вложенного ресурса Patient с id «${id}».`,
      );
    const identifiers = Array.isArray(found.identifier) ? found.identifier : [];
    return { kind: 'contained', identifiers, birthDate: found.birthDate };
  }
  if (reference) return { kind: 'reference', reference };
  if (patient.identifier !== undefined) return { kind: 'identifier', identifier: patient.identifier };
  throw invalid(
    REQUEST_PATIENT_FIELD,
    'Укажите пациента: ссылку на вложенный Patient или его идентификатор.',
    'FIELD_REQUIRED',
  );
}

/** The patient of a request: a contained Patient (`#id`), our `Patient/enp-…`, or a logical identifier. */
function patientOfRequest(body: Json): {
  input: LookupInput;
  asked: Identifier;
  names: Omit<FieldNames, 'onDate'>;
} {
  const patient = requestPatient(body);
  switch (patient.kind) {
    case 'contained': {
      const { input, asked } = lookupFromIdentifiers(patient.identifiers, 'Patient.identifier');
      const birthDate = patient.birthDate;
      if (birthDate !== undefined) {
        if (typeof birthDate !== 'string')
          throw invalid('Patient.birthDate', 'Укажите дату рождения в формате ГГГГ-ММ-ДД.', 'DATE_INVALID');
        input.birthDate = parseBirthdateParam(birthDate, 'Patient.birthDate');
      }
      return { input, asked, names: { identifier: 'Patient.identifier', birthDate: 'Patient.birthDate' } };
    }
    case 'reference': {
      const id = /(?:^|\/)Patient\/([^/]+)$/.exec(patient.reference)?.[1];
      const enp = id ? enpFromPatientId(id) : null;
      if (!enp) {
        throw invalid(
          `${REQUEST_PATIENT_FIELD}.reference`,
          'Ссылка на пациента должна вести на Patient/enp-<ЕНП> или на вложенный Patient.',
        );
      }
      return {
        input: { enp },
        asked: { system: ENP_SYSTEM, value: enp },
        names: { identifier: `${REQUEST_PATIENT_FIELD}.reference`, birthDate: 'Patient.birthDate' },
      };
    }
    case 'identifier': {
      const field = `${REQUEST_PATIENT_FIELD}.identifier`;
      const { input, asked } = lookupFromIdentifiers([patient.identifier], field);
      return { input, asked, names: { identifier: field, birthDate: 'Patient.birthDate' } };
    }
  }
}

/** What any jurisdiction's eligibility request carries besides its patient. */
export interface EligibilityEnvelope {
  body: Json;
  /** The as-of date, checked to be a whole date; absent means today. */
  servicedDate: string | undefined;
  request: Reference<CoverageEligibilityRequest>;
  purpose: Purpose[];
}

export const SERVICED_DATE_FIELD = 'CoverageEligibilityRequest.servicedDate';

/**
 * The body of `POST /fhir/CoverageEligibilityRequest` (parsed JSON) apart from its patient: the resource
 * type, `servicedDate` (the as-of date), the purposes and how the response refers to the request.
 */
export function eligibilityEnvelope(body: unknown, display: string): EligibilityEnvelope {
  if (!isObject(body) || body.resourceType !== 'CoverageEligibilityRequest') {
    throw invalid('resourceType', 'Ожидается ресурс CoverageEligibilityRequest в формате FHIR JSON.');
  }
  if (body.servicedPeriod !== undefined) {
    throw invalid(
      'CoverageEligibilityRequest.servicedPeriod',
      'Укажите одну дату оказания помощи в servicedDate.',
    );
  }
  const servicedDate = body.servicedDate;
  if (
    servicedDate !== undefined &&
    (typeof servicedDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(servicedDate))
  ) {
    throw invalid(
      SERVICED_DATE_FIELD,
      'Укажите дату оказания помощи полностью в формате ГГГГ-ММ-ДД.',
      'DATE_INVALID',
    );
  }
  const purpose = (Array.isArray(body.purpose) ? body.purpose : []).filter((p): p is Purpose =>
    (PURPOSES as readonly unknown[]).includes(p),
  );
  const identifier = (Array.isArray(body.identifier) ? body.identifier : []).filter(isObject)[0];
  const requestIdentifier =
    identifier && str(identifier.value)
      ? {
          ...(str(identifier.system) ? { system: str(identifier.system) } : {}),
          value: str(identifier.value),
        }
      : null;
  return {
    body,
    servicedDate,
    request: requestIdentifier
      ? { type: 'CoverageEligibilityRequest', identifier: requestIdentifier }
      : { type: 'CoverageEligibilityRequest', display },
    purpose: purpose.length ? purpose : ['validation'],
  };
}

/** `POST /fhir/CoverageEligibilityRequest`: the body, parsed JSON. `servicedDate` is the as-of date. */
export function eligibilityRequestLookup(body: unknown): EligibilityRequestLookup {
  const envelope = eligibilityEnvelope(body, 'Запрос о праве на медицинскую помощь по ОМС');
  const { input, asked, names } = patientOfRequest(envelope.body);
  if (envelope.servicedDate !== undefined) input.onDate = envelope.servicedDate;
  return {
    lookup: { input, names: { ...names, onDate: SERVICED_DATE_FIELD }, asked },
    request: envelope.request,
    purpose: envelope.purpose,
  };
}

// --- Into the lookup use case --------------------------------------------------------------------------------

const LOOKUP_FIELD_GROUP: Record<string, keyof FieldNames> = {
  query: 'identifier',
  enp: 'identifier',
  snils: 'identifier',
  docType: 'identifier',
  series: 'identifier',
  number: 'identifier',
  birthDate: 'birthDate',
  onDate: 'onDate',
};

/** parseLookupQuery, its field names turned into the FHIR names the client used. */
export function toLookupQuery(lookup: FhirLookup, today: LocalDate): LookupQuery {
  try {
    return parseLookupQuery(lookup.input, today);
  } catch (error) {
    if (!isAppError(error) || !error.fields.length) throw error;
    const seen = new Set<string>();
    const fields = error.fields
      .map((f) => ({ ...f, field: lookup.names[LOOKUP_FIELD_GROUP[f.field] ?? 'identifier'] }))
      .filter((f) => !seen.has(`${f.field}|${f.message}`) && Boolean(seen.add(`${f.field}|${f.message}`)));
    throw new AppError(error.code, { message: error.message, fields, details: error.details });
  }
}
