import { submitRenewal } from '@/lib/applications/submit-renewal';
import type { CitizenActor } from '@/lib/auth/actor';
import { checkPastDate } from '../_journey/checks';
import { decidedOutcome, type DecidedOutcome } from '../_journey/decided';
import { formToken, type JourneySpec } from '../_journey/journey-flow';

/** Journey 5 (renew): the day the service ended, check, the register's decision. The citizen's own policy. */

interface Ctx {
  actor: CitizenActor;
}

export const renewalJourney: JourneySpec<Ctx, DecidedOutcome, null> = {
  id: 'vozobnovit',
  begin: (answers) => ({ ...answers, token: formToken() }),
  context: (citizen) => Promise.resolve({ actor: citizen.actor }),
  steps: [
    {
      id: 'date',
      fields: ['serviceEndDate'],
      check: (answers) => checkPastDate(answers, 'serviceEndDate', 'Укажите дату окончания службы.'),
    },
  ],
  view: () => Promise.resolve(null),
  async submit(answers, ctx) {
    const decided = await submitRenewal(
      { serviceEndDate: answers.serviceEndDate ?? '', idempotencyToken: answers.token },
      ctx.actor,
    );
    return decidedOutcome(decided);
  },
};
