import { checkInsurerChange, type InsurerChangeCheck } from '@/lib/applications/check-insurer-change';
import { submitInsurerChange } from '@/lib/applications/submit-insurer-change';
import type { CitizenActor } from '@/lib/auth/actor';
import { insurerOption, type InsurerOption } from '../_journey/choices';
import { decidedOutcome, resultText, ruDate, type DecidedOutcome } from '../_journey/decided';
import { formToken, type Answers, type JourneySpec } from '../_journey/journey-flow';
import {
  PERSON_FIELD,
  personChoices,
  personName,
  personStep,
  SELF,
  subjectPersonId,
  type PersonChoice,
} from '../_journey/people';
import { insurerStep, perPerson } from '../_journey/steps';

/** Journey 3: change of insurer — for whom, the pre-check, the new insurer, check, the register's decision. */

export interface PrecheckView {
  allowed: boolean;
  message: string;
  nextAllowedDate: string | null;
  currentInsurer: string | null;
  region: string | null;
  person: string;
}

export interface InsurerChangeView {
  people?: PersonChoice[];
  precheck?: PrecheckView;
  insurers?: InsurerOption[];
  summary?: { person: string | null; insurer: string; current: string };
}

export interface InsurerChangeOutcome extends DecidedOutcome {
  insurerName: string;
}

interface Ctx {
  actor: CitizenActor;
  people: PersonChoice[];
  precheck: (answers: Answers) => Promise<InsurerChangeCheck>;
}

const PRECHECK_FOR = 'precheckFor';

export const insurerChangeJourney: JourneySpec<Ctx, InsurerChangeOutcome, InsurerChangeView> = {
  id: 'smena-smo',
  begin: (answers) => ({ ...answers, token: formToken() }),
  async context(citizen) {
    return {
      actor: citizen.actor,
      people: await personChoices(citizen.actor),
      precheck: perPerson((id) => checkInsurerChange({ subjectPersonId: id }, citizen.actor)),
    };
  },
  steps: [
    personStep(),
    {
      // The pre-check: passed only while it allows the change, for the person chosen now.
      id: 'precheck',
      fields: [PRECHECK_FOR],
      async check(answers, ctx) {
        const check = await ctx.precheck(answers);
        if (!check.allowed) return [{ field: '', message: check.message }];
        return answers[PRECHECK_FOR] === (answers[PERSON_FIELD] ?? SELF)
          ? []
          : [{ field: '', message: 'Сначала посмотрите, можно ли сменить страховую компанию.' }];
      },
    },
    insurerStep(async (answers, ctx) => (await ctx.precheck(answers)).insurers),
  ],
  async view(step, answers, ctx) {
    if (step === 'person') return { people: ctx.people };
    if (step === 'precheck' || step === 'insurer' || step === 'check') {
      const check = await ctx.precheck(answers);
      const precheck: PrecheckView = {
        allowed: check.allowed,
        message: check.message,
        nextAllowedDate: ruDate(check.nextAllowedDate),
        currentInsurer: check.currentInsurer?.nameShort ?? null,
        region: check.region?.name ?? null,
        person: personName(answers, ctx.people),
      };
      const insurers = check.insurers.map(insurerOption);
      if (step !== 'check') return { precheck, insurers };
      return {
        summary: {
          person: ctx.people.length > 1 ? personName(answers, ctx.people) : null,
          insurer: insurers.find((i) => i.code === answers.insurerCode)?.name ?? '',
          current: precheck.currentInsurer ?? '',
        },
      };
    }
    return null;
  },
  async submit(answers, ctx) {
    const decided = await submitInsurerChange(
      {
        subjectPersonId: subjectPersonId(answers),
        insurerCode: answers.insurerCode ?? '',
        idempotencyToken: answers.token,
      },
      ctx.actor,
    );
    return {
      ...decidedOutcome(decided),
      insurerName: resultText(decided.application.result?.insurerName),
    };
  },
};
