import { publicActor } from '@/lib/auth/actor';
import { checkOsmsStatusPublic } from '@/lib/kz/status/check-osms-status-public';
import { enforceRateLimit } from '@/lib/rate-limit/rate-limits';
import { refusalState, type FormState } from '@/app/_components/form-state';
import type { StatusView } from '../_osms/status-parts';

export type StatusCheckState = FormState<StatusView>;

/**
 * The public status check for one client address: the rate limit (per address: anyone may check, nobody
 * may sweep the register), then the use case, which validates the ИИН and writes the access log. Its
 * catalogued refusals become the form's messages; anything else is a bug and goes on to the error page.
 * (Apart from the server action so an integration test can drive it.)
 */
export async function checkStatusFor(address: string, iin: string): Promise<StatusCheckState> {
  const values = { iin };
  try {
    enforceRateLimit(publicActor(address));
    const answer = await checkOsmsStatusPublic({ iin }, { client: address });
    return { values, errors: [], formError: null, result: answer };
  } catch (error) {
    return refusalState(values, error);
  }
}
