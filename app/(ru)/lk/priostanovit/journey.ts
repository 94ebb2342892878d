import {
  CHOOSE_GROUNDS_MESSAGE,
  SUSPENSION_GROUNDS,
  submitSuspension,
} from '@/lib/applications/submit-suspension';
import type { CitizenActor } from '@/lib/auth/actor';
import { checkPastDate } from '../_journey/checks';
import { decidedOutcome, type DecidedOutcome } from '../_journey/decided';
import { formToken, type JourneySpec } from '../_journey/journey-flow';

/**
 * Journey 5 (suspend): the grounds (military or equivalent service), the day the service started, check,
 * the register's decision. For the citizen themselves only: children do not serve.
 */

export interface SuspensionView {
  grounds?: { code: string; label: string }[];
  reasonLabel?: string;
}

export interface SuspensionOutcome extends DecidedOutcome {
  reasonLabel: string;
}

interface Ctx {
  actor: CitizenActor;
}

const groundLabel = (code: string | undefined) =>
  SUSPENSION_GROUNDS.find((g) => g.code === code)?.label ?? '';

export const suspensionJourney: JourneySpec<Ctx, SuspensionOutcome, SuspensionView> = {
  id: 'priostanovit',
  begin: (answers) => ({ ...answers, token: formToken() }),
  context: (citizen) => Promise.resolve({ actor: citizen.actor }),
  steps: [
    {
      id: 'reason',
      fields: ['reason'],
      check: (answers) =>
        SUSPENSION_GROUNDS.some((g) => g.code === answers.reason)
          ? []
          : [{ field: 'reason', message: CHOOSE_GROUNDS_MESSAGE }],
    },
    {
      id: 'date',
      fields: ['serviceStartDate'],
      check: (answers) => checkPastDate(answers, 'serviceStartDate', 'Укажите дату начала службы.'),
    },
  ],
  view(step, answers) {
    if (step === 'reason') return Promise.resolve({ grounds: SUSPENSION_GROUNDS.map((g) => ({ ...g })) });
    if (step === 'check' || step === 'date')
      return Promise.resolve({ reasonLabel: groundLabel(answers.reason) });
    return Promise.resolve(null);
  },
  async submit(answers, ctx) {
    const decided = await submitSuspension(
      {
        reason: answers.reason ?? '',
        serviceStartDate: answers.serviceStartDate ?? '',
        idempotencyToken: answers.token,
      },
      ctx.actor,
    );
    return { ...decidedOutcome(decided), reasonLabel: groundLabel(answers.reason) };
  },
};
