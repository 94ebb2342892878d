import {
  policyApplicationOptions,
  type PolicyApplicationOptions,
} from '@/lib/applications/policy-application-options';
import { submitPolicyApplication, type VerifiedIdentity } from '@/lib/applications/submit-policy-application';
import { CHOOSE_REGION_MESSAGE } from '@/lib/applications/submit-region-change';
import type { SignedInCitizen } from '@/lib/auth/citizen';
import type { CitizenClaims } from '@/lib/auth/citizen-claims';
import { formatEnp } from '@/lib/domain/ru/enp';
import { insurerOption, oncePerKey } from '../_journey/choices';
import { ruDate, waitingDue, type ReviewedOutcome } from '../_journey/decided';
import type { Answers, JourneySpec } from '../_journey/journey-flow';
import { insurerStep } from '../_journey/steps';

/** Journey 1: an electronic policy — the region, the insurer, check (with the ЕСИА data), the outcome. */

export interface IdentityRow {
  label: string;
  value: string;
}

export interface PolicyView {
  regions?: { code: string; name: string }[];
  region?: string;
  insurers?: { code: string; name: string; contacts: string }[];
  summary?: { region: string; insurer: string; identity: IdentityRow[] };
}

export interface PolicyOutcome extends ReviewedOutcome {
  outcome: 'existing' | 'issued' | 'queued' | 'refused' | 'cancelled';
  number: string | null;
  /** Spaced for reading (`7700 0000 …`). */
  enp: string | null;
  insurerName: string;
  coverageFrom: string | null;
}

interface Ctx {
  citizen: SignedInCitizen;
  options: (subjectCode: string | undefined) => Promise<PolicyApplicationOptions>;
}

/** The identity the application carries: the session's verified claims, never the form. */
export function identityOf(claims: CitizenClaims): VerifiedIdentity {
  return {
    lastName: claims.lastName,
    firstName: claims.firstName,
    patronymic: claims.patronymic,
    birthDate: claims.birthDate,
    sex: claims.sex,
    snils: claims.snils,
    passport: claims.passport,
  };
}

/** The ЕСИА data shown on the check page, as the person knows it. */
export function identityRows(claims: CitizenClaims): IdentityRow[] {
  const snils = claims.snils?.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, '$1-$2-$3 $4');
  return [
    { label: 'ФИО', value: [claims.lastName, claims.firstName, claims.patronymic].filter(Boolean).join(' ') },
    { label: 'Дата рождения', value: ruDate(claims.birthDate) ?? 'не указана' },
    { label: 'Пол', value: claims.sex === 'M' ? 'мужской' : claims.sex === 'F' ? 'женский' : 'не указан' },
    { label: 'СНИЛС', value: snils ?? 'не указан' },
    {
      label: 'Паспорт гражданина РФ',
      value: claims.passport ? `серия ${claims.passport.series}, № ${claims.passport.number}` : 'не указан',
    },
  ];
}

export const policyJourney: JourneySpec<Ctx, PolicyOutcome, PolicyView> = {
  id: 'poluchit-polis',
  context(citizen) {
    const once = oncePerKey<PolicyApplicationOptions>();
    return Promise.resolve({
      citizen,
      options: (subjectCode = '') =>
        once(subjectCode, () => policyApplicationOptions({ subjectCode }, citizen.actor)),
    });
  },
  steps: [
    {
      id: 'region',
      fields: ['subjectCode'],
      async check(answers, ctx) {
        const { chosenRegion } = await ctx.options(answers.subjectCode);
        return chosenRegion ? [] : [{ field: 'subjectCode', message: CHOOSE_REGION_MESSAGE }];
      },
    },
    insurerStep(async (answers, ctx) => (await ctx.options(answers.subjectCode)).insurers),
  ],
  async view(step, answers: Answers, ctx) {
    if (step === 'region') {
      const { regions } = await ctx.options(undefined);
      return { regions: regions.map((r) => ({ code: r.code, name: r.name })) };
    }
    if (step === 'insurer' || step === 'check') {
      const { chosenRegion, insurers } = await ctx.options(answers.subjectCode);
      const options = insurers.map(insurerOption);
      if (step === 'insurer') return { region: chosenRegion?.name ?? '', insurers: options };
      return {
        summary: {
          region: chosenRegion?.name ?? '',
          insurer: options.find((i) => i.code === answers.insurerCode)?.name ?? '',
          identity: identityRows(ctx.citizen.claims),
        },
      };
    }
    return null;
  },
  async submit(answers, ctx) {
    const result = await submitPolicyApplication(
      {
        identity: identityOf(ctx.citizen.claims),
        subjectCode: answers.subjectCode ?? '',
        insurerCode: answers.insurerCode ?? '',
      },
      ctx.citizen.actor,
    );
    const { insurers } = await ctx.options(answers.subjectCode);
    const app = result.application;
    const coverageFrom = app?.result?.coverageFrom;
    return {
      outcome: result.outcome,
      number: app?.number ?? null,
      enp: result.enp ? formatEnp(result.enp) : null,
      insurerName: insurers.find((i) => i.code === answers.insurerCode)?.nameShort ?? '',
      coverageFrom: typeof coverageFrom === 'string' ? ruDate(coverageFrom) : null,
      ...waitingDue(app, result.outcome === 'queued'),
      reviewReasons: result.reviewReasons.map((r) => r.text),
      refusal: result.outcome === 'refused' ? (app?.reasonText ?? null) : null,
      repeated: result.repeated,
    };
  },
};
