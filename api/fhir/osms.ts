import type { Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { searchsetBundle, type SearchEntry } from '@/lib/fhir/bundle';
import { toOsmsCoverage, iinFromCoverageId } from '@/lib/fhir/kz/coverage';
import { toOsmsEligibilityResponse } from '@/lib/fhir/kz/coverage-eligibility-response';
import { iinFromPatientId, toOsmsPatient } from '@/lib/fhir/kz/patient';
import {
  osmsCoverageSearch,
  osmsEligibilityRequestLookup,
  osmsPatientSearch,
  toOsmsLookupQuery,
  type OsmsFhirLookup,
} from '@/lib/fhir/kz/search-params';
import { OSMS_STATUS_DISPLAY } from '@/lib/fhir/kz/systems';
import { IIN_SYSTEM, OSMS_STATUS_SYSTEM } from '@/lib/kz/fhir-systems';
import { informationOutcome, staleAnswerOutcome } from '@/lib/fhir/operation-outcome';
import { lookupOsmsStatus } from '@/lib/kz/lookup/lookup-osms-status';
import type { OsmsLookupOutcome } from '@/lib/kz/lookup/osms-answer';
import { kzToday } from '@/lib/kz/today';
import { decodedSegment } from '../http';
import { NOT_JSON, readResourceBody } from './coverage-eligibility-request';
import { requestUrl, sendResource, type AuthenticatedContext } from './respond';

/**
 * The FHIR interactions of a Kazakh deployment (ADR 0033): the same resources, conventions and key as the
 * Russian ones, answered by ИИН through the ОСМС lookup use case (authorised, derived on the date, written
 * to the access log with channel `fhir`). When the register is down and nothing is known of the ИИН, a
 * 503 whose OperationOutcome says the right to care is kept — never "not insured".
 */

type KnownOutcome = Exclude<OsmsLookupOutcome, { kind: 'unavailable' }>;

async function runOsmsLookup(lookup: OsmsFhirLookup, actor: Actor): Promise<KnownOutcome> {
  const query = toOsmsLookupQuery(lookup, kzToday());
  const outcome = await lookupOsmsStatus(query, { actor, channel: 'fhir' });
  if (outcome.kind === 'unavailable') {
    throw new AppError('REGISTER_UNAVAILABLE', { message: outcome.message, details: { asOf: outcome.asOf } });
  }
  return outcome;
}

function byIin(iin: string, field: string): OsmsFhirLookup {
  return {
    input: { iin },
    names: { identifier: field, onDate: field },
    asked: { system: IIN_SYSTEM, value: iin },
  };
}

/** Nobody with the ИИН: why, and what to do (never a bare "not insured"). */
function notFoundOutcome(found: Extract<KnownOutcome, { kind: 'not_found' }>) {
  return informationOutcome([
    {
      severity: 'information',
      code: 'not-found',
      coding: { system: OSMS_STATUS_SYSTEM, code: 'NOT_FOUND', display: OSMS_STATUS_DISPLAY.NOT_FOUND },
      text: `${found.status.text} ${found.status.advice}`,
    },
  ]);
}

function searchEntries(
  found: KnownOutcome,
  want: { patient: boolean; coverage: 'match' | 'include' | null },
) {
  if (found.kind === 'not_found') return [{ resource: notFoundOutcome(found), mode: 'outcome' as const }];
  const entries: SearchEntry[] = [];
  if (want.patient) entries.push({ resource: toOsmsPatient(found.answer), mode: 'match' });
  if (want.coverage) entries.push({ resource: toOsmsCoverage(found.answer), mode: want.coverage });
  if (found.answer.stale) entries.push({ resource: staleAnswerOutcome(found.answer), mode: 'outcome' });
  return entries;
}

/** GET /fhir/Patient?identifier=<ИИН system>|<ИИН>[&_revinclude=Coverage:beneficiary] */
export async function searchOsmsPatient({ req, res, url, base, actor }: AuthenticatedContext): Promise<void> {
  const { lookup, revincludeCoverage } = osmsPatientSearch(url.searchParams);
  const entries = searchEntries(await runOsmsLookup(lookup, actor), {
    patient: true,
    coverage: revincludeCoverage ? 'include' : null,
  });
  sendResource(res, 200, searchsetBundle({ baseUrl: base, selfUrl: requestUrl(req, url), entries }));
}

/** GET /fhir/Patient/iin-<ИИН> — a read is a lookup by ИИН (and is logged as one). */
export async function readOsmsPatient({ res, url, actor }: AuthenticatedContext): Promise<void> {
  const id = decodedSegment(url.pathname, '/fhir/Patient/');
  const iin = id === null ? null : iinFromPatientId(id);
  if (!iin)
    throw new AppError('NOT_FOUND', { message: 'Пациент с таким id не найден. Id пациента — iin-<ИИН>.' });
  const outcome = await runOsmsLookup(byIin(iin, 'id'), actor);
  if (outcome.kind === 'not_found') throw new AppError('PERSON_NOT_FOUND', { message: outcome.status.text });
  sendResource(res, 200, toOsmsPatient(outcome.answer));
}

/** GET /fhir/Coverage?identifier=…|<ИИН> or ?beneficiary.identifier=…|<ИИН> */
export async function searchOsmsCoverage({
  req,
  res,
  url,
  base,
  actor,
}: AuthenticatedContext): Promise<void> {
  const { lookup } = osmsCoverageSearch(url.searchParams);
  const entries = searchEntries(await runOsmsLookup(lookup, actor), { patient: false, coverage: 'match' });
  sendResource(res, 200, searchsetBundle({ baseUrl: base, selfUrl: requestUrl(req, url), entries }));
}

/** GET /fhir/Coverage/osms-<ИИН> — the person's standing in ОСМС as of today. */
export async function readOsmsCoverage({ res, url, actor }: AuthenticatedContext): Promise<void> {
  const id = decodedSegment(url.pathname, '/fhir/Coverage/');
  const iin = id === null ? null : iinFromCoverageId(id);
  if (!iin)
    throw new AppError('NOT_FOUND', { message: 'Страхование с таким id не найдено. Id — osms-<ИИН>.' });
  const outcome = await runOsmsLookup(byIin(iin, 'id'), actor);
  if (outcome.kind === 'not_found') throw new AppError('PERSON_NOT_FOUND', { message: outcome.status.text });
  sendResource(res, 200, toOsmsCoverage(outcome.answer));
}

/** POST /fhir/CoverageEligibilityRequest — "has this person the right to care in ОСМС on servicedDate?" */
export async function postOsmsEligibilityRequest({ req, res, actor }: AuthenticatedContext): Promise<void> {
  const body = await readResourceBody({ req, res });
  if (body === NOT_JSON) return;
  const { lookup, request, purpose } = osmsEligibilityRequestLookup(body);
  const outcome = await runOsmsLookup(lookup, actor);
  sendResource(
    res,
    200,
    toOsmsEligibilityResponse(outcome, {
      request,
      purpose,
      asked: lookup.asked,
      created: new Date().toISOString(),
    }),
  );
}
