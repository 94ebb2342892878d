import type { Jurisdiction } from '@/config/env';
import type { StaffContext } from '@/lib/auth/staff-context';
import { nationalPart } from '@/lib/jurisdiction/national';

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

const APPLICATIONS: ConsoleSection = {
  href: '/konsol/zayavleniya',
  title: 'Заявления',
  text: 'Очередь заявлений со сроком рассмотрения: выдача полиса или отказ с причиной.',
  roles: ALL,
};

/** One address in both countries (ADR 0029); each country's page searches by its own identifiers. */
const RU_SEARCH: ConsoleSection = {
  href: '/konsol/poisk',
  title: 'Поиск в регистре',
  text: 'Поиск застрахованного по ФИО и дате рождения, документу, ЕНП или СНИЛС; карточка и исправления.',
  roles: ALL,
};

const KZ_SEARCH: ConsoleSection = {
  ...RU_SEARCH,
  text: 'Поиск человека по ИИН или ФИО; статус в ОСМС и его история, взносы, категории, временные статусы.',
};

const DUPLICATES: ConsoleSection = {
  href: '/konsol/dubli',
  title: 'Возможные дубли',
  text: 'Пары записей, похожих на одного человека: сравнение, объединение, отмена объединения.',
  roles: FUNDS,
};

const AUDIT: ConsoleSection = {
  href: '/konsol/zhurnal',
  title: 'Журнал аудита',
  text: 'Действия сотрудников и обращения к персональным данным, с фильтрами и выгрузкой в CSV.',
  roles: FUNDS,
};

const STAFF: ConsoleSection = {
  href: '/konsol/sotrudniki',
  title: 'Сотрудники',
  text: 'Учётные записи: создание, блокировка, изменение полномочий, сброс второго фактора.',
  roles: FUNDS,
};

const CLINIC_KEYS: ConsoleSection = {
  href: '/konsol/klyuchi',
  title: 'Ключи API медицинских организаций',
  text: 'Выпуск, просмотр и отзыв ключей для медицинских информационных систем.',
  roles: FUNDS,
};

const FEEDS: ConsoleSection = {
  href: '/konsol/lenty',
  title: 'Ведомственный обмен',
  text: 'Сведения ЗАГС, МВД и военных комиссариатов: свежесть, события в ожидании.',
  roles: FUNDS,
};

const KZ_FEEDS: ConsoleSection = {
  ...FEEDS,
  text: 'Платежи и списки льготных категорий: свежесть, события в ожидании.',
};

const DIRECTORIES: ConsoleSection = {
  href: '/konsol/spravochniki',
  title: 'Справочники',
  text: 'Страховые компании, медицинские организации, производственный календарь: загрузка и проверка.',
  roles: ['ffoms_admin'],
};

const DASHBOARD: ConsoleSection = {
  href: '/konsol/svodka',
  title: 'Сводка',
  text: 'Состояние регистра в диаграммах: застрахованные, заявления и сроки, ведомственные сведения, обращения МО, дубликаты.',
  roles: FUNDS,
};

const JOBS: ConsoleSection = {
  href: '/konsol/zadaniya',
  title: 'Фоновые задания',
  text: 'Задания, которые регистр выполняет сам: в очереди, выполняются, с ошибкой.',
  roles: ['ffoms_admin'],
};

const PROFILE: ConsoleSection = {
  href: '/konsol/profil',
  title: 'Профиль',
  text: 'Смена пароля, второй фактор, выход на всех устройствах.',
  roles: ALL,
};

/**
 * The console's sections in each country's deployment: the one list the menu, the start page, the section
 * gates and the denial suites read, so a new section cannot be left out of any of them. The common frames
 * (audit log, staff accounts, clinics' keys, jobs, profile) are in both; a section whose subject is one
 * country's law (the applications queue, duplicates, the agencies and directories of Russia, the
 * dashboards over Russian coverage) is in that country's list only, and its address answers 404 in the
 * other country's deployment (ADR 0034).
 */
export const CONSOLE_SECTIONS_OF: Record<Jurisdiction, readonly ConsoleSection[]> = {
  ru: [
    APPLICATIONS,
    RU_SEARCH,
    DUPLICATES,
    AUDIT,
    STAFF,
    CLINIC_KEYS,
    FEEDS,
    DIRECTORIES,
    DASHBOARD,
    JOBS,
    PROFILE,
  ],
  kz: [KZ_SEARCH, AUDIT, STAFF, CLINIC_KEYS, KZ_FEEDS, JOBS, PROFILE],
};

/** The sections of the jurisdiction this deployment runs. */
export function consoleSections(): readonly ConsoleSection[] {
  return nationalPart(CONSOLE_SECTIONS_OF);
}

export function sectionsFor(role: ConsoleRole): ConsoleSection[] {
  return consoleSections().filter((s) => s.roles.includes(role));
}

/** The section `path` lies in, in this deployment; null when it lies in none. */
export function sectionOf(path: string): ConsoleSection | null {
  return consoleSections().find((s) => path === s.href || path.startsWith(`${s.href}/`)) ?? null;
}

/**
 * Whether `path` lies in a section only another country's console has: such an address does not exist in
 * this deployment (404), whoever asks.
 */
export function isForeignSection(path: string): boolean {
  if (sectionOf(path)) return false;
  return Object.values(CONSOLE_SECTIONS_OF).some((list) =>
    list.some((s) => path === s.href || path.startsWith(`${s.href}/`)),
  );
}
