import { CHOOSE_INSURER_MESSAGE } from '@/lib/applications/submit-insurer-change';
import { oncePerKey } from './choices';
import type { Answers, StepSpec } from './journey-flow';
import { PERSON_FIELD, SELF, subjectPersonId } from './people';

/**
 * A page whose one answer must be one of the options the register offers for it (a region, an insurer, a
 * clinic): anything else — nothing chosen, or a code from a tampered form — gets `message`.
 */
export function choiceStep<C>(
  id: string,
  field: string,
  message: string,
  options: (answers: Answers, ctx: C) => Promise<readonly { code: string }[]>,
): StepSpec<C> {
  return {
    id,
    fields: [field],
    async check(answers, ctx) {
      const offered = await options(answers, ctx);
      return offered.some((o) => o.code === answers[field]) ? [] : [{ field, message }];
    },
  };
}

/** The insurer page (field `insurerCode`): one of the insurers serving the region the answers lead to. */
export function insurerStep<C>(
  insurers: (answers: Answers, ctx: C) => Promise<readonly { code: string }[]>,
): StepSpec<C> {
  return choiceStep('insurer', 'insurerCode', CHOOSE_INSURER_MESSAGE, insurers);
}

/**
 * What the register says about the person the answers name (the citizen, or the child chosen on the «За
 * кого» page), loaded once per person and request however many steps ask.
 */
export function perPerson<T>(
  load: (subjectPersonId: number | undefined) => Promise<T>,
): (answers: Answers) => Promise<T> {
  const once = oncePerKey<T>();
  return (answers) => once(answers[PERSON_FIELD] ?? SELF, () => load(subjectPersonId(answers)));
}
