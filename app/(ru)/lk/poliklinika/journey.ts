import { listClinics, type ClinicChoice } from '@/lib/applications/list-clinics';
import { CHOOSE_CLINIC_MESSAGE, submitAttachment } from '@/lib/applications/submit-attachment';
import type { CitizenActor } from '@/lib/auth/actor';
import { decidedOutcome, resultText, ruDate, type DecidedOutcome } from '../_journey/decided';
import { formToken, type Answers, type JourneySpec } from '../_journey/journey-flow';
import {
  personChoices,
  personName,
  personStep,
  subjectPersonId,
  type PersonChoice,
} from '../_journey/people';
import { perPerson } from '../_journey/steps';

/** Journey 6: attach to a clinic — for whom, the clinic (with whether a change is allowed now), check, decision. */

export interface ClinicOption {
  code: string;
  name: string;
  details: string;
}

export interface AttachmentView {
  people?: PersonChoice[];
  clinic?: {
    person: string | undefined;
    region: string | null;
    current: string | null;
    allowed: boolean;
    message: string;
    nextAllowedDate: string | null;
    clinics: ClinicOption[];
  };
  summary?: { person: string | null; clinic: string; current: string | null };
}

export interface AttachmentOutcome extends DecidedOutcome {
  clinicName: string;
}

interface Ctx {
  actor: CitizenActor;
  people: PersonChoice[];
  choice: (answers: Answers) => Promise<ClinicChoice>;
}

function option(c: ClinicChoice['clinics'][number]): ClinicOption {
  return { code: c.code, name: c.nameShort, details: [c.address, c.phone].filter(Boolean).join(', ') };
}

export const attachmentJourney: JourneySpec<Ctx, AttachmentOutcome, AttachmentView> = {
  id: 'poliklinika',
  begin: (answers) => ({ ...answers, token: formToken() }),
  async context(citizen) {
    return {
      actor: citizen.actor,
      people: await personChoices(citizen.actor),
      choice: perPerson((id) => listClinics({ subjectPersonId: id }, citizen.actor)),
    };
  },
  steps: [
    personStep(),
    {
      id: 'clinic',
      fields: ['moCode'],
      async check(answers, ctx) {
        const choice = await ctx.choice(answers);
        if (!choice.allowed) return [{ field: '', message: choice.message }];
        return choice.clinics.some((c) => c.code === answers.moCode)
          ? []
          : [{ field: 'moCode', message: CHOOSE_CLINIC_MESSAGE }];
      },
    },
  ],
  async view(step, answers, ctx) {
    if (step === 'person') return { people: ctx.people };
    if (step !== 'clinic' && step !== 'check') return null;
    const choice = await ctx.choice(answers);
    const current = choice.currentClinic
      ? `${choice.currentClinic.nameShort}, ${choice.currentClinic.address} (с ${ruDate(choice.currentClinic.since)})`
      : null;
    const person = ctx.people.length > 1 ? personName(answers, ctx.people) : undefined;
    const clinics = choice.clinics.map(option);
    if (step === 'clinic') {
      return {
        clinic: {
          person,
          region: choice.region?.name ?? null,
          current,
          allowed: choice.allowed,
          message: choice.message,
          nextAllowedDate: ruDate(choice.nextAllowedDate),
          clinics,
        },
      };
    }
    const chosen = clinics.find((c) => c.code === answers.moCode);
    return {
      summary: { person: person ?? null, clinic: chosen ? `${chosen.name}, ${chosen.details}` : '', current },
    };
  },
  async submit(answers, ctx) {
    const decided = await submitAttachment(
      {
        subjectPersonId: subjectPersonId(answers),
        moCode: answers.moCode ?? '',
        idempotencyToken: answers.token,
      },
      ctx.actor,
    );
    return { ...decidedOutcome(decided), clinicName: resultText(decided.application.result?.clinicName) };
  },
};
