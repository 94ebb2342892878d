import type { Jurisdiction } from '@/config/env';

/**
 * The site frame's national words (ADR 0032): the header's subtitle and the description (the site's short
 * name is the profile's `texts.siteName`, which the edge and the machine documents also use).
 */
export interface SiteTexts {
  readonly subtitle: string;
  readonly description: string;
}

export const SITE_TEXTS: Record<Jurisdiction, SiteTexts> = {
  ru: {
    subtitle: 'Единый регистр застрахованных лиц',
    description:
      'Полис ОМС онлайн: электронный полис, замена страховой компании, прикрепление к поликлинике, проверка полиса.',
  },
  kz: {
    subtitle: 'Реестр участников обязательного социального медицинского страхования',
    description:
      'Статус в системе ОСМС по ИИН, взносы по месяцам, льготные категории и временный статус по документу.',
  },
};
