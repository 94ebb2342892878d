import { randomBytes } from 'node:crypto';
import { NOT_VERIFIED_MESSAGE } from '@/lib/auth/citizen-actor';
import type { SignedInCitizen } from '@/lib/auth/citizen';
import { isAppError } from '@/lib/errors';
import { signedInCitizen } from '../_cabinet/cabinet';
import { CHECK, DONE, journeyAt, readJourneyForm, START, type JourneyState } from './journey-state';

/**
 * The server half of a multi-page journey (see journey-state.ts): which page comes next, what each page
 * checks, and how the final submission's errors lead back to the page of the invalid field. Pages are
 * asked in order; a page counts as answered once it was passed and its answers still hold (an earlier
 * change — another region, another child — can make a later answer invalid, and that page is asked
 * again). After the last page comes «Проверьте ответы»; «Изменить» goes back to one page, and
 * «Продолжить» from there returns to the check page when everything else still holds.
 */

export type Answers = Record<string, string>;
export interface Issue {
  /** The field's name (and the id of its input); empty for a problem of the page as a whole. */
  field: string;
  message: string;
}

/** The answer that lists the pages passed so far. */
const VISITED = 'visited';

export interface StepSpec<C> {
  id: string;
  /** The fields asked on this page. */
  fields: readonly string[];
  /** Asked only when this holds (e.g. «За кого» only for someone with children). */
  applies?: (ctx: C) => boolean;
  /** What is wrong with this page's answers (nothing when they hold). */
  check: (answers: Answers, ctx: C) => Issue[] | Promise<Issue[]>;
}

export interface JourneySpec<C, R, V> {
  /** The journey's folder under /lk (its address is /lk/<id>); its screens are registered by the same id. */
  id: string;
  steps: readonly StepSpec<C>[];
  /** What the pages need about the signed-in citizen (children, the current policy…), once per request. */
  context: (citizen: SignedInCitizen) => Promise<C>;
  /** What a page (or the check page) shows besides the answers: choices, the pre-check, names. */
  view: (step: string, answers: Answers, ctx: C) => Promise<V | null>;
  /** Sends the application through the use case; errors are the use case's `AppError`s. */
  submit: (answers: Answers, ctx: C) => Promise<R>;
  /** Answers set when the journey starts. */
  begin?: (answers: Answers) => Answers;
}

/** A token for one filling of a form: the same form posted twice gives one application. */
export function formToken(): string {
  return randomBytes(12).toString('base64url');
}

/** Pages of a journey a form may name, in order, that apply to this citizen. */
function applicable<C>(spec: JourneySpec<C, unknown, unknown>, ctx: C): StepSpec<C>[] {
  return spec.steps.filter((s) => !s.applies || s.applies(ctx));
}

function visited(answers: Answers): Set<string> {
  return new Set((answers[VISITED] ?? '').split(',').filter(Boolean));
}

async function firstUnanswered<C>(steps: StepSpec<C>[], answers: Answers, ctx: C): Promise<string> {
  const seen = visited(answers);
  for (const s of steps) {
    if (!seen.has(s.id) || (await s.check(answers, ctx)).length > 0) return s.id;
  }
  return CHECK;
}

function split(issues: Issue[]): Pick<JourneyState, 'errors' | 'formError'> {
  const page = issues.filter((i) => !i.field).map((i) => i.message);
  return {
    errors: issues.filter((i) => i.field),
    formError: page.length ? page.join(' ') : null,
  };
}

/** A field of the use case's input belongs to the page that asks it (`child.birthDate` → the child page). */
function stepOfField<C>(steps: StepSpec<C>[], field: string): StepSpec<C> | undefined {
  return steps.find((s) => s.fields.includes(field));
}

/**
 * One post of a journey's form. The actor is the session's; the form only carries answers. A visitor
 * whose session ended is sent to sign in and back to the journey's start.
 */
export async function runJourney<C, R, V>(
  spec: JourneySpec<C, R, V>,
  form: FormData,
): Promise<JourneyState<R, V>> {
  const citizen = await signedInCitizen(`/lk/${spec.id}`);
  const state = (step: string, answers: Answers, extra: Partial<JourneyState<R, V>> = {}) =>
    journeyAt<R, V>(spec.id, step, answers, extra);
  if (!citizen.actor.trusted) return state(START, {}, { formError: NOT_VERIFIED_MESSAGE });

  const read = readJourneyForm(form);
  let answers = read.answers;
  const { step, intent } = read;
  try {
    const ctx = await spec.context(citizen);
    const steps = applicable(spec, ctx);
    const at = async (id: string, extra: Partial<JourneyState<R, V>> = {}) => {
      const index = steps.findIndex((s) => s.id === id);
      return state(id, answers, {
        view: await spec.view(id, answers, ctx),
        fields: steps[index]?.fields ?? [],
        back: index > 0 ? (steps[index - 1]?.id ?? null) : null,
        ...extra,
      });
    };

    if (intent.kind === 'change') {
      const target = steps.find((s) => s.id === intent.step);
      return at(target ? target.id : await firstUnanswered(steps, answers, ctx));
    }

    if (intent.kind === 'submit') {
      // Straight to the use case, which checks everything again — and first of all whether this very form
      // was sent before (its token, or the application's natural key): a double post must get the first
      // answer, even though the first post changed what the pages would now accept.
      try {
        const result = await spec.submit(answers, ctx);
        return state(DONE, {}, { result });
      } catch (error) {
        if (!isAppError(error)) throw error;
        if (error.fields.length === 0) return at(CHECK, { formError: error.message });
        // Back to the first page with an invalid field; fields no page asks are the check page's.
        const first = steps.find((s) => error.fields.some((f) => s.fields.includes(f.field)));
        const seen = new Set<string>();
        const issues = error.fields
          .filter((f) => !seen.has(f.field) && seen.add(f.field))
          .map((f) => ({ field: f.field, message: f.message }));
        if (!first) return at(CHECK, { formError: issues.map((i) => i.message).join(' ') });
        return at(first.id, {
          errors: issues.filter((i) => stepOfField(steps, i.field) === first),
        });
      }
    }

    if (step === START) {
      answers = spec.begin ? spec.begin(answers) : answers;
      return at(await firstUnanswered(steps, answers, ctx));
    }
    const current = steps.find((s) => s.id === step);
    if (!current) return at(await firstUnanswered(steps, answers, ctx));
    const issues = await current.check(answers, ctx);
    if (issues.length > 0) return at(current.id, split(issues));
    const seen = visited(answers);
    seen.add(current.id);
    answers = { ...answers, [VISITED]: [...seen].join(',') };
    return at(await firstUnanswered(steps, answers, ctx));
  } catch (error) {
    // The use cases refuse what the citizen may not do (someone else's child, no record yet): say so.
    if (!isAppError(error)) throw error;
    return state(START, {}, { formError: error.message });
  }
}
