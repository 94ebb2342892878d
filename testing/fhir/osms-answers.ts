import type { LocalDate } from '@/lib/domain/dates';
import { syntheticIin } from '@/lib/domain/kz/iin';
import type { OsmsAnswer } from '@/lib/kz/lookup/osms-answer';

/** Answers of the ОСМС lookup for converter tests: an invented person, as every person in tests. */
export const IIN = syntheticIin('1985-04-12' as LocalDate, 'female', 3);

export function insuredAnswer(overrides: Partial<OsmsAnswer> = {}): OsmsAnswer {
  return {
    insured: true,
    code: 'STATE_CATEGORY',
    text: 'Застрахован: льготная категория «Лица с инвалидностью», взносы платит государство.',
    advice: null,
    category: { code: 'DISABILITY', name: 'Лица с инвалидностью' },
    until: null,
    iin: IIN,
    person: {
      lastName: 'Ахметова',
      firstName: 'Айгерим',
      patronymic: 'Болатовна',
      birthDate: '1985-04-12' as LocalDate,
      sex: 'F',
    },
    asOf: '2026-11-22' as LocalDate,
    dataUnavailableSince: null,
    stale: false,
    staleSince: null,
    ...overrides,
  };
}

export function notInsuredAnswer(overrides: Partial<OsmsAnswer> = {}): OsmsAnswer {
  return insuredAnswer({
    insured: false,
    code: 'LUMP_SUM_NOT_ADVANCE',
    text: 'Взносы за несколько месяцев внесены одним платежом: такой платёж не даёт статуса застрахованного.',
    advice: 'Для оплаты вперёд каждый месяц оплачивается отдельным платежом.',
    category: null,
    ...overrides,
  });
}
