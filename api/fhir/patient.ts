import { describeNotFound } from '@/lib/domain/ru/policy-status';
import { AppError } from '@/lib/errors';
import { searchsetBundle } from '@/lib/fhir/bundle';
import { enpFromPatientId, toPatient } from '@/lib/fhir/patient';
import { patientSearch } from '@/lib/fhir/search-params';
import { ENP_SYSTEM } from '@/lib/fhir/systems';
import { decodedSegment } from '../http';
import { runLookup } from './lookup';
import { lookupSearchEntries } from './search-entries';
import { requestUrl, sendResource, type AuthenticatedContext } from './respond';

/** GET /fhir/Patient?identifier=…[&birthdate=…][&_revinclude=Coverage:beneficiary] */
export async function searchPatient({ req, res, url, base, actor }: AuthenticatedContext): Promise<void> {
  const { lookup, revincludeCoverage } = patientSearch(url.searchParams);
  const entries = lookupSearchEntries(await runLookup(lookup, actor), {
    patient: true,
    coverage: revincludeCoverage ? 'include' : null,
  });
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
