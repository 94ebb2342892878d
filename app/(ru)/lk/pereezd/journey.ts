import { regionChangeOptions, type RegionChangeOptions } from '@/lib/applications/region-change-options';
import { CHOOSE_REGION_MESSAGE, submitRegionChange } from '@/lib/applications/submit-region-change';
import type { CitizenActor } from '@/lib/auth/actor';
import { insurerOption, oncePerKey, type InsurerOption } from '../_journey/choices';
import { decidedOutcome, resultText, type DecidedOutcome } from '../_journey/decided';
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
import { choiceStep, insurerStep } from '../_journey/steps';

/** Journey 4: moving to another region — for whom, the new region, an insurer serving it, check, decision. */

export interface RegionChangeView {
  people?: PersonChoice[];
  person?: string;
  regions?: { code: string; name: string }[];
  currentRegion?: string | null;
  currentInsurer?: string | null;
  region?: string;
  insurers?: InsurerOption[];
  summary?: { person: string | null; region: string; insurer: string };
}

export interface RegionChangeOutcome extends DecidedOutcome {
  regionName: string;
  insurerName: string;
}

interface Ctx {
  actor: CitizenActor;
  people: PersonChoice[];
  options: (answers: Answers, withRegion: boolean) => Promise<RegionChangeOptions>;
}

export const regionChangeJourney: JourneySpec<Ctx, RegionChangeOutcome, RegionChangeView> = {
  id: 'pereezd',
  begin: (answers) => ({ ...answers, token: formToken() }),
  async context(citizen) {
    const once = oncePerKey<RegionChangeOptions>();
    return {
      actor: citizen.actor,
      people: await personChoices(citizen.actor),
      options(answers, withRegion) {
        const subjectCode = withRegion ? (answers.subjectCode ?? '') : '';
        return once(`${answers[PERSON_FIELD] ?? SELF}|${subjectCode}`, () =>
          regionChangeOptions({ subjectPersonId: subjectPersonId(answers), subjectCode }, citizen.actor),
        );
      },
    };
  },
  steps: [
    personStep(),
    choiceStep(
      'region',
      'subjectCode',
      CHOOSE_REGION_MESSAGE,
      async (answers, ctx) => (await ctx.options(answers, false)).regions,
    ),
    insurerStep(async (answers, ctx) => (await ctx.options(answers, true)).insurers),
  ],
  async view(step, answers, ctx) {
    if (step === 'person') return { people: ctx.people };
    if (step === 'region') {
      const o = await ctx.options(answers, false);
      return {
        person: ctx.people.length > 1 ? personName(answers, ctx.people) : undefined,
        regions: o.regions.map((r) => ({ code: r.code, name: r.name })),
        currentRegion: o.currentRegion?.name ?? null,
        currentInsurer: o.currentInsurer?.nameShort ?? null,
      };
    }
    if (step === 'insurer' || step === 'check') {
      const o = await ctx.options(answers, true);
      const insurers = o.insurers.map(insurerOption);
      if (step === 'insurer') {
        return {
          region: o.chosenRegion?.name ?? '',
          insurers,
          currentInsurer: o.currentInsurer?.nameShort ?? null,
        };
      }
      return {
        summary: {
          person: ctx.people.length > 1 ? personName(answers, ctx.people) : null,
          region: o.chosenRegion?.name ?? '',
          insurer: insurers.find((i) => i.code === answers.insurerCode)?.name ?? '',
        },
      };
    }
    return null;
  },
  async submit(answers, ctx) {
    const decided = await submitRegionChange(
      {
        subjectPersonId: subjectPersonId(answers),
        subjectCode: answers.subjectCode ?? '',
        insurerCode: answers.insurerCode ?? '',
        idempotencyToken: answers.token,
      },
      ctx.actor,
    );
    const result = decided.application.result ?? {};
    return {
      ...decidedOutcome(decided),
      regionName: resultText(result.regionName),
      insurerName: resultText(result.insurerName),
    };
  },
};
