import type { Actor } from '@/lib/auth/actor';
import { snilsFromBody } from '@/lib/domain/ru/snils';
import type { RegisterPersonInput } from '@/lib/register/register-person';
import type { WriteMeta } from '@/lib/register/writer';

/** Test data builders: valid, unique synthetic people (never real persons). */
let counter = 0;

export const systemTestActor: Actor = { kind: 'system', id: 'test' };

export function metaAt(iso: string, actor: Actor = systemTestActor, source = 'test'): WriteMeta {
  return { actor, source, now: new Date(iso) };
}

/** Who `adultInput` registers unless told otherwise. */
export const ADULT = {
  lastName: 'Смирнова',
  firstName: 'Ольга',
  patronymic: 'Ивановна',
  sex: 'F',
  birthDate: '1985-03-14',
} as const;

export function adultInput(overrides: Partial<RegisterPersonInput> = {}): RegisterPersonInput {
  counter++;
  const unique = process.pid * 1000 + counter;
  return {
    person: {
      ...ADULT,
      snils: snilsFromBody(100_000_000 + (unique % 800_000_000)),
      ...overrides.person,
    },
    document: {
      kind: 14,
      series: `45 ${String(10 + (unique % 89)).padStart(2, '0')}`,
      number: String(100000 + (unique % 899_999)),
      issueDate: '2005-04-01',
      issuer: 'ГУ МВД России по г. Москве',
      ...overrides.document,
    },
    coverage: {
      insurerCode: '77001',
      subjectCode: '77',
      reason: 'new_policy',
      on: '2026-01-15',
      ...overrides.coverage,
    },
    attachment: overrides.attachment === undefined ? { moCode: '770001' } : overrides.attachment,
    representative: overrides.representative ?? null,
  };
}
