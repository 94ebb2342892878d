import { publicActor } from '@/lib/auth/actor';
import { normalClientAddress } from '@/lib/auth/client-address-header';
import { checkOsmsStatusPublic } from '@/lib/kz/status/check-osms-status-public';
import { enforceRateLimit } from '@/lib/rate-limit/rate-limits';
import { sendJson, sendProblem, type ApiContext } from '../http';
import { osmsStatusQuerySchema } from './osms-schemas';
import { parseQuery } from './query';

/**
 * GET /api/v1/osms/status?iin=… — the public ОСМС status check for machines (the fund's app, a chat bot;
 * issue 14): the same answer as the page /proverka-statusa, from the same use case — insured or not, the
 * code and words of the ground or the reason, the advice, until when, the 12 months' paid marks; never
 * amounts or names. No key: limited per client address (429 with Retry-After). Errors are problem+json
 * with stable codes and every invalid parameter named. Kazakhstan's register only (routes.ts).
 */
export async function getOsmsStatus({ req, res, url }: ApiContext): Promise<void> {
  const instance = url.pathname;
  try {
    const address = normalClientAddress(req.socket.remoteAddress);
    enforceRateLimit(publicActor(address));
    const { iin } = parseQuery(url, osmsStatusQuerySchema);
    const answer = await checkOsmsStatusPublic({ iin }, { client: address });
    sendJson(res, 200, answer);
  } catch (error) {
    sendProblem(res, error, instance);
  }
}
