import { TIME_ZONES } from '@/config/time-zone';
import { moscowDate } from '@/lib/domain/dates';
import { formatEnp, validateEnp } from '@/lib/domain/ru/enp';
import { POLICY_STATUS_CODES } from '@/lib/domain/ru/policy-status';
import { eventTypesOf, FEED_SOURCES } from '@/lib/feeds/events';
import {
  BIRTH_CERTIFICATE_SYSTEM,
  ENP_SYSTEM,
  IDENTITY_DOCUMENT_SYSTEM,
  POLICY_STATUS_SYSTEM,
  SNILS_SYSTEM,
} from '@/lib/fhir/systems';
import { JOURNEYS, SECTIONS } from '@/lib/portal/citizen-services';
import type { FeedSource } from '@/lib/auth/actor';
import type { FeedSourceSpec, JurisdictionProfile } from './profile';

/** Who each Russian source is and how often it sends: ЗАГС and МВД daily, the commissariats every 14 days. */
const RU_FEED_SENDERS: Record<FeedSource, Pick<FeedSourceSpec, 'title' | 'name' | 'expectedPeriodHours'>> = {
  zags: { title: 'Органы ЗАГС', name: 'органов ЗАГС', expectedPeriodHours: 24 },
  mvd: { title: 'МВД', name: 'МВД', expectedPeriodHours: 24 },
  military: { title: 'Военные комиссариаты', name: 'военных комиссариатов', expectedPeriodHours: 14 * 24 },
};

/** Russia's ОМС register: the ЕРЗ of ФФОМС (ADR 0029). Each member points at the Russian definition. */
export const ruProfile: JurisdictionProfile = {
  id: 'ru',
  country: { iso3: 'RUS', name: 'Российская Федерация' },
  timeZone: TIME_ZONES.ru,
  today: (now = new Date()) => moscowDate(now),
  texts: {
    registerName: 'Единый регистр застрахованных лиц ОМС',
    siteName: 'ЕРЗ ОМС',
    schemeName: 'ОМС',
    fundName: 'Федеральный фонд обязательного медицинского страхования',
    timeZoneName: 'время московское',
    timeZoneShort: 'МСК',
    fundShortName: 'ФФОМС',
    regionalFundName: 'ТФОМС',
  },
  staffRoles: {
    ffoms_admin: 'Администратор ФФОМС',
    tfoms_operator: 'Оператор ТФОМС',
    smo_operator: 'Оператор страховой медицинской организации',
    clinic_registrar: 'Регистратор медицинской организации',
  },
  personIdentifier: {
    kind: 'enp',
    label: 'ЕНП',
    digits: 16,
    fhirSystem: ENP_SYSTEM,
    validate: validateEnp,
    format: formatEnp,
  },
  fhir: {
    patientIdentifiers: [
      {
        system: ENP_SYSTEM,
        label: 'ЕНП',
        description: 'ЕНП — единый номер полиса ОМС, 16 цифр',
        needsBirthDate: false,
      },
      {
        system: SNILS_SYSTEM,
        label: 'СНИЛС',
        description: 'СНИЛС, 11 цифр; в поиске — только вместе с датой рождения',
        needsBirthDate: true,
      },
      {
        system: BIRTH_CERTIFICATE_SYSTEM,
        label: 'свидетельство о рождении',
        description: 'Свидетельство о рождении: значение «серия номер»; только с датой рождения',
        needsBirthDate: true,
      },
      {
        system: IDENTITY_DOCUMENT_SYSTEM,
        label: 'документ, удостоверяющий личность',
        description: 'Документ, удостоверяющий личность; вид документа — в identifier.type',
        needsBirthDate: true,
      },
    ],
  },
  status: {
    codeSystem: POLICY_STATUS_SYSTEM,
    // A policy pays for care only while active (lib/domain/ru/policy-status.ts; a unit test holds them equal).
    codes: POLICY_STATUS_CODES.map((code) => ({ code, insured: code === 'ACTIVE' })),
  },
  directories: {
    files: [
      { kind: 'insurers', name: 'Страховые медицинские организации (F002)' },
      { kind: 'medical_organisations', name: 'Медицинские организации (F003)' },
      { kind: 'subjects', name: 'Субъекты Российской Федерации (F010)' },
    ],
    productionCalendar: true,
  },
  feeds: {
    sources: FEED_SOURCES.map((source) => ({
      source,
      eventTypes: eventTypesOf(source),
      ...RU_FEED_SENDERS[source],
    })),
  },
  portal: { journeys: JOURNEYS, sections: SECTIONS },
};
