import type { LocalDate } from '@/lib/domain/dates';
import type { PolicyAnswer } from '@/lib/lookup/policy-answer';

/** PolicyAnswers as the lookup use case builds them, for converter tests (synthetic people only). */

export const ENP = '7700000000000016';

export function activeAnswer(overrides: Partial<PolicyAnswer> = {}): PolicyAnswer {
  return {
    insured: true,
    status: 'active',
    statusCode: 'ACTIVE',
    statusText: 'Полис действует с 10.01.2025.',
    nextStep: null,
    reason: 'new_policy',
    enp: ENP,
    person: {
      lastName: 'Смирнова',
      firstName: 'Ольга',
      patronymic: 'Ивановна',
      birthDate: '1985-03-14' as LocalDate,
    },
    insurer: { code: '77001', name: 'АО «Страховая компания „Пример“»', phone: '8-800-100-00-01' },
    region: { code: '77', name: 'город Москва' },
    clinic: { code: '770001', name: 'ГБУЗ «Городская поликлиника № 1»' },
    coverage: { from: '2025-01-10' as LocalDate, to: null },
    asOf: '2026-11-22' as LocalDate,
    stale: false,
    staleSince: null,
    ...overrides,
  };
}

export function suspendedAnswer(overrides: Partial<PolicyAnswer> = {}): PolicyAnswer {
  return activeAnswer({
    insured: false,
    status: 'suspended',
    statusCode: 'SUSPENDED',
    statusText: 'Полис приостановлен с 01.05.2026: прохождение военной службы.',
    nextStep: 'После окончания службы полис возобновляется по заявлению.',
    reason: 'military_service',
    coverage: { from: '2026-05-01' as LocalDate, to: null },
    ...overrides,
  });
}

export function deceasedAnswer(overrides: Partial<PolicyAnswer> = {}): PolicyAnswer {
  return activeAnswer({
    insured: false,
    status: 'terminated',
    statusCode: 'DECEASED',
    statusText: 'Действие полиса прекращено с 01.09.2026: смерть.',
    nextStep: null,
    reason: 'death',
    coverage: { from: '2026-09-01' as LocalDate, to: null },
    ...overrides,
  });
}

export function uninsuredAnswer(overrides: Partial<PolicyAnswer> = {}): PolicyAnswer {
  return activeAnswer({
    insured: false,
    status: 'none',
    statusCode: 'NOT_INSURED_ON_DATE',
    statusText: 'На 31.12.2024 полис ОМС не действовал.',
    nextStep: 'Оформить полис можно на Госуслугах или в любой страховой медицинской организации региона.',
    reason: null,
    insurer: null,
    region: null,
    coverage: null,
    asOf: '2024-12-31' as LocalDate,
    ...overrides,
  });
}
