import { listMyPeople } from '@/lib/portal/list-my-people';
import type { CitizenActor } from '@/lib/auth/actor';
import { formatDateRu } from '@/lib/domain/dates';
import type { Answers, Issue, StepSpec } from './journey-flow';

/** Someone the citizen may act for, as the «За кого» question offers them. */
export interface PersonChoice {
  /** `self`, or a represented child's register id (only a choice: the use case authorises it). */
  value: string;
  name: string;
  birthDate: string;
  self: boolean;
}

export const SELF = 'self';
export const PERSON_FIELD = 'person';
const CHOOSE_PERSON = 'Выберите, за кого подаёте заявление.';

/** The citizen (when in the register) and the children they represent today. */
export async function personChoices(actor: CitizenActor): Promise<PersonChoice[]> {
  const people = await listMyPeople(actor);
  return people.map((p) => ({
    value: p.self ? SELF : String(p.personId),
    name: [p.lastName, p.firstName, p.patronymic].filter(Boolean).join(' '),
    birthDate: formatDateRu(p.birthDate),
    self: p.self,
  }));
}

/** The use cases' `subjectPersonId`: absent for the citizen themselves. */
export function subjectPersonId(answers: Answers): number | undefined {
  const v = answers[PERSON_FIELD];
  return v && /^\d{1,15}$/.test(v) ? Number(v) : undefined;
}

/** The «За кого» page: one of the people offered must be chosen (nothing is preselected). */
function checkPerson(answers: Answers, people: PersonChoice[]): Issue[] {
  const v = answers[PERSON_FIELD];
  return people.some((p) => p.value === v) ? [] : [{ field: PERSON_FIELD, message: CHOOSE_PERSON }];
}

/** Whom the application is for, in words. */
export function personName(answers: Answers, people: PersonChoice[]): string {
  const v = answers[PERSON_FIELD] ?? SELF;
  const p = people.find((x) => x.value === v);
  if (!p) return '';
  return p.self ? `За себя (${p.name})` : `${p.name}, ${p.birthDate}`;
}

/** The «За кого» page, asked only of a citizen who can act for someone besides themself. */
export function personStep<C extends { people: PersonChoice[] }>(): StepSpec<C> {
  return {
    id: 'person',
    fields: [PERSON_FIELD],
    applies: (ctx) => ctx.people.length > 1,
    check: (answers, ctx) => checkPerson(answers, ctx.people),
  };
}
