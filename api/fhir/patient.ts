import { describeNotFound } from '@/lib/domain/policy-status';
import { AppError } from '@/lib/errors';
import { searchsetBundle, type SearchEntry } from '@/lib/fhir/bundle';
import { toCoverage } from '@/lib/fhir/coverage';
import { lookupStatusOutcome, staleAnswerOutcome } from '@/lib/fhir/operation-outcome';
import { enpFromPatientId, toPatient } from '@/lib/fhir/patient';
import { patientSearch } from '@/lib/fhir/search-params';
import { ENP_SYSTEM } from '@/lib/fhir/systems';
import { decodedSegment } from '../http';
import { runLookup } from './lookup';
import { requestUrl, sendResource, type AuthenticatedContext } from './respond';

/** GET /fhir/Patient?identifier=…[&birthdate=…][&_revinclude=Coverage:beneficiary] */
export async function searchPatient({ req, res, url, base, actor }: AuthenticatedContext): Promise<void> {
  const { lookup, revincludeCoverage } = patientSearch(url.searchParams);
  const outcome = await runLookup(lookup, actor);
  const entries: SearchEntry[] = [];
  if (outcome.kind === 'not_found') {
    entries.push({ resource: lookupStatusOutcome(outcome.status), mode: 'outcome' });
  } else {
    const { answer } = outcome;
    entries.push({ resource: toPatient(answer), mode: 'match' });
    if (revincludeCoverage) {
      const coverage = toCoverage(answer);
      entries.push(
        coverage
          ? { resource: coverage, mode: 'include' }
          : {
              resource: lookupStatusOutcome({
                code: answer.statusCode,
                text: answer.statusText,
                nextStep: answer.nextStep,
              }),
              mode: 'outcome',
            },
      );
    }
    if (answer.stale) entries.push({ resource: staleAnswerOutcome(answer), mode: 'outcome' });
  }
  sendResource(res, 200, searchsetBundle({ baseUrl: base, selfUrl: requestUrl(req, url), entries }));
}

/**
 * GET /fhir/Patient/enp-<ЕНП> — a read is a lookup by ЕНП (and is logged as one). An id that is not ours,
 * or a person the register does not have, is 404.
 */
export async function readPatient({ res, url, actor }: AuthenticatedContext): Promise<void> {
  const id = decodedSegment(url.pathname, '/fhir/Patient/');
  const enp = id === null ? null : enpFromPatientId(id);
  if (!enp)
    throw new AppError('NOT_FOUND', { message: 'Пациент с таким id не найден. Id пациента — enp-<ЕНП>.' });
  const outcome = await runLookup(
    {
      input: { enp },
      names: { identifier: 'id', birthDate: 'id', onDate: 'id' },
      asked: { system: ENP_SYSTEM, value: enp },
    },
    actor,
  );
  if (outcome.kind === 'not_found') {
    throw new AppError('PERSON_NOT_FOUND', { message: describeNotFound().text });
  }
  sendResource(res, 200, toPatient(outcome.answer));
}
