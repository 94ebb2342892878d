/**
 * What a citizen can do on the portal, as the start page and the cabinet list it: the journeys (each an
 * application) and the sections (what the register knows). One list, so the start page, the cabinet and
 * the sign-in page that names where it will return to cannot disagree.
 */
export interface CitizenService {
  /** The page in the personal cabinet (a journey's start page, or a section). */
  href: string;
  /** What the link says: an action, in the citizen's words. */
  title: string;
  /** One line on who it is for or what it gives. */
  text: string;
  /** How the sign-in page says why it asks to sign in: «Чтобы <purpose>, войдите через Госуслуги». */
  purpose: string;
}

export const JOURNEYS: readonly CitizenService[] = [
  {
    href: '/lk/poluchit-polis',
    title: 'Получить электронный полис',
    text: 'Если полиса ещё нет: ЕНП выдаётся сразу или в течение рабочего дня.',
    purpose: 'получить электронный полис',
  },
  {
    href: '/lk/rebenok',
    title: 'Оформить полис ребёнку',
    text: 'По свидетельству о рождении; ребёнок появится в вашем кабинете.',
    purpose: 'оформить полис ребёнку',
  },
  {
    href: '/lk/smena-smo',
    title: 'Сменить страховую компанию',
    text: 'Раз в календарный год, заявление — до 1 ноября; после переезда — ещё раз.',
    purpose: 'сменить страховую компанию',
  },
  {
    href: '/lk/pereezd',
    title: 'Сменить регион страхования',
    text: 'При переезде: ЕНП остаётся прежним, выберите страховую компанию нового региона.',
    purpose: 'сменить регион страхования',
  },
  {
    href: '/lk/poliklinika',
    title: 'Прикрепиться к поликлинике',
    text: 'Поликлиника своего региона — раз в год или после переезда.',
    purpose: 'прикрепиться к поликлинике',
  },
  {
    href: '/lk/priostanovit',
    title: 'Приостановить полис',
    text: 'На время военной службы и в других случаях, указанных в законе.',
    purpose: 'приостановить полис',
  },
  {
    href: '/lk/vozobnovit',
    title: 'Возобновить полис',
    text: 'После окончания военной службы или другого основания приостановления.',
    purpose: 'возобновить полис',
  },
];

export const SECTIONS: readonly CitizenService[] = [
  {
    href: '/lk/polis',
    title: 'Мой полис',
    text: 'ЕНП, статус, страховая компания, QR-код, выписка в PDF.',
    purpose: 'посмотреть свой полис',
  },
  {
    href: '/lk/zayavleniya',
    title: 'Мои заявления',
    text: 'Поданные заявления, их статусы и сроки.',
    purpose: 'посмотреть свои заявления',
  },
  {
    href: '/lk/uvedomleniya',
    title: 'Уведомления',
    text: 'Сообщения об изменении статуса заявлений.',
    purpose: 'прочитать уведомления',
  },
  {
    href: '/lk/prosmotry',
    title: 'Кто смотрел мой полис',
    text: 'Когда и какие медицинские организации проверяли ваш полис.',
    purpose: 'узнать, кто проверял ваш полис',
  },
];

/**
 * The service a return address leads to (the sign-in's `next`, already checked to stay in the cabinet by
 * `cabinetPath`): its page or any page under it, whatever the query. Null for the cabinet itself and for
 * pages that are no service of their own.
 */
export function serviceAt(path: string): CitizenService | null {
  const pathname = path.split(/[?#]/, 1)[0]!.replace(/\/+$/, '');
  return (
    [...JOURNEYS, ...SECTIONS].find((s) => pathname === s.href || pathname.startsWith(`${s.href}/`)) ?? null
  );
}
