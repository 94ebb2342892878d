import type { StaffContext } from '@/lib/auth/staff-context';

type ConsoleRole = StaffContext['role'];

export interface ConsoleSection {
  href: string;
  title: string;
  text: string;
  /** Roles that see the section in the menu. The use cases decide what each may do inside it. */
  roles: readonly ConsoleRole[];
}

const ALL: readonly ConsoleRole[] = ['ffoms_admin', 'tfoms_operator', 'smo_operator'];
const FUNDS: readonly ConsoleRole[] = ['ffoms_admin', 'tfoms_operator'];

/**
 * The console's sections: the one list the menu, the start page and the denial suite read, so a new
 * section cannot be left out of any of them.
 */
export const CONSOLE_SECTIONS: readonly ConsoleSection[] = [
  {
    href: '/konsol/zayavleniya',
    title: 'Заявления',
    text: 'Очередь заявлений со сроком рассмотрения: выдача полиса или отказ с причиной.',
    roles: ALL,
  },
  {
    href: '/konsol/poisk',
    title: 'Поиск в регистре',
    text: 'Поиск застрахованного по ФИО и дате рождения, документу, ЕНП или СНИЛС; карточка и исправления.',
    roles: ALL,
  },
  {
    href: '/konsol/zhurnal',
    title: 'Журнал аудита',
    text: 'Действия сотрудников и обращения к персональным данным, с фильтрами и выгрузкой в CSV.',
    roles: FUNDS,
  },
  {
    href: '/konsol/sotrudniki',
    title: 'Сотрудники',
    text: 'Учётные записи: создание, блокировка, изменение полномочий, сброс второго фактора.',
    roles: FUNDS,
  },
  {
    href: '/konsol/klyuchi',
    title: 'Ключи API медицинских организаций',
    text: 'Выпуск, просмотр и отзыв ключей для медицинских информационных систем.',
    roles: FUNDS,
  },
  {
    href: '/konsol/lenty',
    title: 'Ведомственный обмен',
    text: 'Сведения ЗАГС, МВД и военных комиссариатов: свежесть, события в ожидании.',
    roles: FUNDS,
  },
  {
    href: '/konsol/zadaniya',
    title: 'Фоновые задания',
    text: 'Задания, которые регистр выполняет сам: в очереди, выполняются, с ошибкой.',
    roles: ['ffoms_admin'],
  },
  {
    href: '/konsol/profil',
    title: 'Профиль',
    text: 'Смена пароля, второй фактор, выход на всех устройствах.',
    roles: ALL,
  },
];

export function sectionsFor(role: ConsoleRole): ConsoleSection[] {
  return CONSOLE_SECTIONS.filter((s) => s.roles.includes(role));
}
