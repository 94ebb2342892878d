import { TIME_ZONES } from '@/config/time-zone';
import { OSMS_STATUS_CODES, validateIin } from '@/lib/domain/kz';
import { valid } from '@/lib/domain/result';
import { KZ_FEED_EVENT_TYPES, KZ_FEED_SENDERS, KZ_FEED_SOURCES } from '@/lib/kz/feed-sources';
import { IIN_SYSTEM, OSMS_STATUS_SYSTEM } from '@/lib/kz/fhir-systems';
import { KZ_JOURNEYS, KZ_SECTIONS } from '@/lib/kz/portal-services';
import { kzToday } from '@/lib/kz/today';
import type { JurisdictionProfile } from './profile';

/**
 * Kazakhstan's ОСМС register: the fund's (ФСМС) register of participants, keyed by the ИИН, whose status
 * is derived from contributions and state-paid categories (issue 14, ADR 0030). Each member points at the
 * Kazakh definition (lib/domain/kz, lib/kz).
 */
export const kzProfile: JurisdictionProfile = {
  id: 'kz',
  country: { iso3: 'KAZ', name: 'Республика Казахстан' },
  timeZone: TIME_ZONES.kz,
  today: kzToday,
  texts: {
    registerName: 'Реестр участников ОСМС',
    siteName: 'ОСМС',
    schemeName: 'ОСМС',
    fundName: 'Фонд социального медицинского страхования',
    timeZoneName: 'время Астаны',
    timeZoneShort: 'Астана',
    fundShortName: 'ФСМС',
    regionalFundName: 'Филиал ФСМС',
  },
  staffRoles: {
    ffoms_admin: 'Администратор ФСМС',
    tfoms_operator: 'Оператор филиала ФСМС',
    clinic_registrar: 'Регистратор медицинской организации',
  },
  personIdentifier: {
    kind: 'iin',
    label: 'ИИН',
    digits: 12,
    fhirSystem: IIN_SYSTEM,
    validate: (input, field) => {
      const checked = validateIin(input, field);
      return checked.ok ? valid<string>(checked.value.iin) : checked;
    },
    // The ИИН is written as 12 digits in a row on every Kazakh document and in eGov.
    format: (value) => value,
  },
  fhir: {
    patientIdentifiers: [
      {
        system: IIN_SYSTEM,
        label: 'ИИН',
        description: 'ИИН — индивидуальный идентификационный номер, 12 цифр без пробелов',
        needsBirthDate: false,
      },
    ],
  },
  status: { codeSystem: OSMS_STATUS_SYSTEM, codes: OSMS_STATUS_CODES },
  // Kazakhstan loads no F0xx files: its regions and clinics are the register's own list (ADR 0030), and
  // no deadline is counted in working days (status is derived, never applied for).
  directories: { files: [], productionCalendar: false },
  feeds: {
    sources: KZ_FEED_SOURCES.map((source) => ({
      source,
      eventTypes: KZ_FEED_EVENT_TYPES[source],
      ...KZ_FEED_SENDERS[source],
    })),
  },
  portal: { journeys: KZ_JOURNEYS, sections: KZ_SECTIONS },
};
