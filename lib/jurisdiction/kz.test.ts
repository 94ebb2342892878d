import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { can } from '@/lib/auth/permissions';
import { DIRECTORY_FIELDS } from '@/lib/directories/directory-rows';
import { osmsStatusOn, type OsmsFacts } from '@/lib/domain/kz';
import { KZ_FEED_EVENT_TYPES } from '@/lib/kz/feed-sources';
import { IIN_SYSTEM } from '@/lib/kz/fhir-systems';
import { KZ_JOURNEYS, KZ_SECTIONS } from '@/lib/kz/portal-services';
import { addMonthsToMonth } from '@/lib/domain/kz/months';
import { advanceBlock, citizen, d, m, membership, osmsParameters, paid } from '@/testing/kz/osms';
import { jurisdictionProfile } from './current';
import { kzProfile } from './kz';
import { profileOf } from './profiles';

const monthsFrom = (first: string, count: number) =>
  Array.from({ length: count }, (_, i) => addMonthsToMonth(m(first), i));

const saved = process.env.REGISTER_JURISDICTION;
afterEach(() => {
  if (saved === undefined) delete process.env.REGISTER_JURISDICTION;
  else process.env.REGISTER_JURISDICTION = saved;
});

describe('the Kazakh profile is chosen by the configuration', () => {
  it('REGISTER_JURISDICTION=kz gives Kazakhstan’s profile', () => {
    process.env.REGISTER_JURISDICTION = 'kz';
    expect(jurisdictionProfile()).toBe(kzProfile);
    expect(profileOf('kz')).toBe(kzProfile);
    expect(kzProfile.country.iso3).toBe('KAZ');
    expect(kzProfile.texts).toEqual({
      registerName: 'Реестр участников ОСМС',
      siteName: 'ОСМС',
      schemeName: 'ОСМС',
      fundName: 'Фонд социального медицинского страхования',
      timeZoneName: 'время Астаны',
      timeZoneShort: 'Астана',
      fundShortName: 'ФСМС',
      regionalFundName: 'Филиал ФСМС',
    });
  });
});

describe('the Kazakh profile points at the Kazakh rules', () => {
  it('its person identifier is the ИИН: normalised, every failed check named under the field', () => {
    const id = kzProfile.personIdentifier;
    expect(id.kind).toBe('iin');
    expect(id.validate('850215 300124')).toEqual({ ok: true, value: '850215300124' });
    expect(id.validate('850215300125', 'patient')).toMatchObject({
      ok: false,
      issues: [{ field: 'patient', code: 'IIN_INVALID_CHECKSUM' }],
    });
    expect(id.validate('12345')).toMatchObject({ ok: false, issues: [{ code: 'IIN_INVALID_FORMAT' }] });
    expect(id.format('850215300124')).toBe('850215300124');
    expect(id.digits).toBe(12);
    expect(id.fhirSystem).toBe(IIN_SYSTEM);
    expect(kzProfile.fhir.patientIdentifiers.map((i) => [i.system, i.needsBirthDate])).toEqual([
      [IIN_SYSTEM, false],
    ]);
  });

  it('counts today in Almaty time (UTC+5)', () => {
    expect(kzProfile.timeZone).toBe('Asia/Almaty');
    expect(kzProfile.today(new Date('2026-12-05T18:59:59Z'))).toBe('2026-12-05');
    expect(kzProfile.today(new Date('2026-12-05T19:00:00Z'))).toBe('2026-12-06');
  });

  it('its status codes are every code the status rule answers, insured exactly as the rule says', () => {
    const foreigner: OsmsFacts = { ...citizen(), residence: { kind: 'foreign', permits: [] } };
    const answers = [
      osmsStatusOn(
        osmsParameters,
        citizen({ memberships: [membership('CHILDREN', '2020-01-01', null)] }),
        d('2026-06-01'),
      ),
      osmsStatusOn(
        osmsParameters,
        citizen({ memberships: [membership('REGISTERED_UNEMPLOYED', '2026-01-01', null)] }),
        d('2026-06-01'),
      ),
      osmsStatusOn(
        osmsParameters,
        citizen({ contributions: [paid('employer', '2026-05')] }),
        d('2026-06-01'),
      ),
      osmsStatusOn(osmsParameters, citizen({ contributions: [paid('state', '2026-05')] }), d('2026-06-01')),
      osmsStatusOn(
        osmsParameters,
        // a self-payer paying each month on its first day, with no month unpaid in the year before
        citizen({ contributions: monthsFrom('2025-06', 13).map((month) => paid('self', month)) }),
        d('2026-06-15'),
      ),
      osmsStatusOn(
        osmsParameters,
        citizen({ contributions: advanceBlock('2026-01', '2025-12-20') }),
        d('2026-03-10'),
      ),
      osmsStatusOn(
        osmsParameters,
        citizen({ memberships: [membership('FULL_TIME_STUDENT', '2022-09-01', '2026-06-30')] }),
        d('2026-08-01'),
      ),
      osmsStatusOn(
        osmsParameters,
        citizen({
          temporaryStatuses: [
            { category: 'PENSIONER', uploadedOn: d('2026-11-20'), uploadedBy: 'clinic', revokedOn: null },
          ],
        }),
        d('2026-12-01'),
      ),
      osmsStatusOn(
        osmsParameters,
        citizen({ contributions: [paid('employer', '2026-05')] }),
        d('2026-06-10'),
        {
          dataUnavailableSince: d('2026-06-05'),
        },
      ),
      osmsStatusOn(osmsParameters, citizen(), d('2019-06-01')),
      osmsStatusOn(osmsParameters, foreigner, d('2026-06-01')),
      osmsStatusOn(
        osmsParameters,
        citizen({
          contributions: [
            {
              kind: 'lump-sum',
              firstMonth: m('2026-01'),
              months: 12,
              paidOn: d('2025-12-20'),
              amount: 51000,
            },
          ],
        }),
        d('2026-03-10'),
      ),
      osmsStatusOn(osmsParameters, citizen({ contributions: [paid('self', '2026-06')] }), d('2026-06-10')),
      osmsStatusOn(
        osmsParameters,
        citizen({ memberships: [membership('FULL_TIME_STUDENT', '2022-09-01', '2025-06-30')] }),
        d('2026-03-01'),
      ),
      osmsStatusOn(
        osmsParameters,
        citizen({
          temporaryStatuses: [
            { category: 'PENSIONER', uploadedOn: d('2026-09-01'), uploadedBy: 'person', revokedOn: null },
          ],
        }),
        d('2026-11-01'),
      ),
      osmsStatusOn(osmsParameters, citizen(), d('2026-06-01')),
    ];
    const profileCodes = new Map(kzProfile.status.codes.map((c) => [c.code, c.insured]));
    const answered = answers.map((a) => a.code);
    // each case answers a code of its own, and together they answer every code the profile lists
    expect(new Set(answered).size).toBe(answered.length);
    expect(new Set(answered)).toEqual(new Set(profileCodes.keys()));
    for (const a of answers) expect(profileCodes.get(a.code), a.code).toBe(a.insured);
  });

  it('loads no Russian directory', () => {
    for (const f of kzProfile.directories.files) expect(Object.keys(DIRECTORY_FIELDS)).toContain(f.kind);
    expect(kzProfile.directories.files).toEqual([]);
    expect(kzProfile.directories.productionCalendar).toBe(false);
  });

  it('its feeds are the payments and the category lists, each source’s actor recording its own facts', () => {
    expect(kzProfile.feeds.sources).toEqual([
      {
        source: 'payments',
        eventTypes: KZ_FEED_EVENT_TYPES.payments,
        title: 'Платежи ФСМС',
        name: 'платёжной системы ФСМС',
        expectedPeriodHours: 24,
      },
      {
        source: 'categories',
        eventTypes: KZ_FEED_EVENT_TYPES.categories,
        title: 'Списки льготных категорий',
        name: 'ведомств со списками льготных категорий',
        expectedPeriodHours: 16 * 24,
      },
    ]);
    const payments = { kind: 'feed', id: 'p', source: 'payments' } as const;
    const categories = { kind: 'feed', id: 'c', source: 'categories' } as const;
    expect([can(payments, 'contribution:record'), can(payments, 'category:record')]).toEqual([true, false]);
    expect([can(categories, 'contribution:record'), can(categories, 'category:record')]).toEqual([
      false,
      true,
    ]);
  });

  it('its portal services are the ОСМС cabinet’s, each a page of Kazakhstan’s route group', () => {
    expect(kzProfile.portal.journeys).toBe(KZ_JOURNEYS);
    expect(kzProfile.portal.sections).toBe(KZ_SECTIONS);
    const services = [...kzProfile.portal.journeys, ...kzProfile.portal.sections];
    expect(services.length).toBeGreaterThan(0);
    for (const s of services) expect(existsSync(`app/(kz)${s.href}/page.tsx`), s.href).toBe(true);
  });
});
