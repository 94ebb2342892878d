import { describeNotFound } from '@/lib/domain/ru/policy-status';
import { AppError } from '@/lib/errors';
import { searchsetBundle } from '@/lib/fhir/bundle';
import { enpFromCoverageId, toCoverage } from '@/lib/fhir/coverage';
import { coverageSearch } from '@/lib/fhir/search-params';
import { ENP_SYSTEM } from '@/lib/fhir/systems';
import { decodedSegment } from '../http';
import { runLookup } from './lookup';
import { lookupSearchEntries } from './search-entries';
import { requestUrl, sendResource, type AuthenticatedContext } from './respond';

/** GET /fhir/Coverage?identifier=<oms>|<ЕНП> or ?beneficiary.identifier=…[&beneficiary.birthdate=…] */
export async function searchCoverage({ req, res, url, base, actor }: AuthenticatedContext): Promise<void> {
  const { lookup } = coverageSearch(url.searchParams);
  const entries = lookupSearchEntries(await runLookup(lookup, actor), { patient: false, coverage: 'match' });
  sendResource(res, 200, searchsetBundle({ baseUrl: base, selfUrl: requestUrl(req, url), entries }));
}

/** GET /fhir/Coverage/oms-<ЕНП> — the policy as of today; 404 when the person had none. */
export async function readCoverage({ res, url, actor }: AuthenticatedContext): Promise<void> {
  const id = decodedSegment(url.pathname, '/fhir/Coverage/');
  const enp = id === null ? null : enpFromCoverageId(id);
  if (!enp)
    throw new AppError('NOT_FOUND', { message: 'Полис с таким id не найден. Id полиса — oms-<ЕНП>.' });
  const outcome = await runLookup(
    {
      input: { enp },
      names: { identifier: 'id', birthDate: 'id', onDate: 'id' },
      asked: { system: ENP_SYSTEM, value: enp },
    },
    actor,
  );
  if (outcome.kind === 'not_found')
    throw new AppError('PERSON_NOT_FOUND', { message: describeNotFound().text });
  const coverage = toCoverage(outcome.answer);
  if (!coverage) {
    throw new AppError('NOT_FOUND', {
      message: `${outcome.answer.statusText} ${outcome.answer.nextStep ?? ''}`.trim(),
    });
  }
  sendResource(res, 200, coverage);
}
