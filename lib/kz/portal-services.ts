import type { CitizenService } from '@/lib/portal/citizen-services';

/**
 * What a citizen can do in the ОСМС cabinet (issue 14), as the start page and the cabinet list it. Status
 * is derived, never applied for, so the only journey is the temporary status's document upload; the
 * public status check by ИИН needs no sign-in and is not a cabinet service. The pages are the portal's
 * (app/(kz)/…); the jurisdiction profile publishes this list.
 */
export const KZ_JOURNEYS: readonly CitizenService[] = [
  {
    href: '/kabinet/vremennyi-status',
    title: 'Загрузить документ о льготной категории',
    text: 'Если данные о категории ещё не поступили: временный статус на один месяц.',
    purpose: 'загрузить документ о льготной категории',
  },
];

export const KZ_SECTIONS: readonly CitizenService[] = [
  {
    href: '/kabinet',
    title: 'Мой статус в ОСМС',
    text: 'Статус застрахованности, его основание, взносы по месяцам и льготные категории.',
    purpose: 'посмотреть свой статус в ОСМС',
  },
  {
    href: '/kabinet/prosmotry',
    title: 'Кто проверял мой статус',
    text: 'Когда и какие медицинские организации проверяли ваш статус в ОСМС.',
    purpose: 'узнать, кто проверял мой статус',
  },
];
