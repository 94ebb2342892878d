import type { Jurisdiction } from '@/config/env';

/** The site frame's national words (ADR 0032): the header, the page titles' suffix, the description. */
export interface SiteTexts {
  readonly title: string;
  readonly subtitle: string;
  readonly description: string;
}

export const SITE_TEXTS: Record<Jurisdiction, SiteTexts> = {
  ru: {
    title: 'ЕРЗ ОМС',
    subtitle: 'Единый регистр застрахованных лиц',
    description:
      'Полис ОМС онлайн: электронный полис, замена страховой компании, прикрепление к поликлинике, проверка полиса.',
  },
  kz: {
    title: 'ОСМС',
    subtitle: 'Реестр участников обязательного социального медицинского страхования',
    description:
      'Статус в системе ОСМС по ИИН, взносы по месяцам, льготные категории и временный статус по документу.',
  },
};
