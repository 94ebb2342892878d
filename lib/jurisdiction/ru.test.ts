import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JURISDICTIONS } from '@/config/env';
import type { LocalDate } from '@/lib/domain/dates';
import type { CoveragePeriod } from '@/lib/domain/ru/coverage';
import { describeNotFound, describePolicyStatus } from '@/lib/domain/ru/policy-status';
import { DIRECTORY_FIELDS } from '@/lib/directories/directory-rows';
import { eventTypesOf, FEED_SOURCES } from '@/lib/feeds/events';
import { identifierKindOf } from '@/lib/fhir/systems';
import { jurisdictionProfile } from './current';
import { profileOf } from './profiles';
import { ruProfile } from './ru';

const day = (s: string) => s as LocalDate;
const period = (status: CoveragePeriod['status'], reason: CoveragePeriod['reason']): CoveragePeriod => ({
  insurerCode: '77001',
  subjectCode: '77',
  status,
  reason,
  validFrom: day('2020-01-01'),
  validTo: null,
});

describe('the jurisdiction profiles (ADR 0029)', () => {
  it('the default deployment runs Russia', () => {
    expect(jurisdictionProfile()).toBe(ruProfile);
    expect(profileOf('ru').id).toBe('ru');
  });

  it('every jurisdiction the configuration accepts has its profile, under its own id', () => {
    for (const id of JURISDICTIONS) expect(profileOf(id).id).toBe(id);
  });
});

describe('the Russian profile points at the Russian rules', () => {
  it('its person identifier is the ЕНП: normalised, and refused on a wrong check digit', () => {
    const id = ruProfile.personIdentifier;
    expect(id.validate('7700 0000 0000 0016')).toEqual({ ok: true, value: '7700000000000016' });
    expect(id.validate('7700000000000017', 'enp')).toMatchObject({
      ok: false,
      issues: [{ field: 'enp', code: 'ENP_INVALID_CHECKSUM' }],
    });
    expect(id.format('7700000000000016')).toBe('7700 0000 0000 0016');
    expect(id.digits).toBe(16);
    expect(ruProfile.today(new Date('2026-12-05T20:59:59Z'))).toBe('2026-12-05');
    expect(ruProfile.today(new Date('2026-12-05T21:00:00Z'))).toBe('2026-12-06');
    expect(identifierKindOf(id.fhirSystem)).toBe('enp');
  });

  it('every FHIR patient identifier system it lists is one the search parser knows', () => {
    const kinds = ruProfile.fhir.patientIdentifiers.map((i) => identifierKindOf(i.system));
    expect(kinds).toEqual(['enp', 'snils', 'birth-certificate', 'identity-document']);
    expect(ruProfile.fhir.patientIdentifiers.filter((i) => !i.needsBirthDate).map((i) => i.label)).toEqual([
      'ЕНП',
    ]);
  });

  it('its status codes are the codes the policy status rule answers, insured exactly as the rule says', () => {
    const on = day('2024-06-01');
    const answers = [
      describePolicyStatus(period('active', 'new_policy'), on),
      describePolicyStatus(period('suspended', 'military_service'), on),
      describePolicyStatus(period('terminated', 'death'), on),
      describePolicyStatus(period('terminated', 'citizenship_ended'), on),
      describePolicyStatus(null, on),
      describePolicyStatus(null, on, { ...period('active', 'new_policy'), validTo: day('2023-01-01') }),
      describeNotFound(),
    ];
    const profileCodes = new Map(ruProfile.status.codes.map((c) => [c.code, c.insured]));
    expect(new Set(answers.map((a) => a.code))).toEqual(new Set(profileCodes.keys()));
    for (const a of answers) expect(profileCodes.get(a.code), a.code).toBe(a.insured);
  });

  it('its directories are the kinds the directory import reads', () => {
    expect(ruProfile.directories.files.map((d) => d.kind).sort()).toEqual(
      Object.keys(DIRECTORY_FIELDS).sort(),
    );
  });

  it('its feed sources and event types are the feed API’s', () => {
    expect(ruProfile.feeds.sources.map((s) => s.source)).toEqual([...FEED_SOURCES]);
    for (const s of ruProfile.feeds.sources) {
      expect(s.eventTypes).toEqual(eventTypesOf(s.source as (typeof FEED_SOURCES)[number]));
      expect(s.eventTypes.length).toBeGreaterThan(0);
    }
    expect(ruProfile.feeds.sources.map((s) => [s.title, s.name, s.expectedPeriodHours])).toEqual([
      ['Органы ЗАГС', 'органов ЗАГС', 24],
      ['МВД', 'МВД', 24],
      ['Военные комиссариаты', 'военных комиссариатов', 14 * 24],
    ]);
  });

  it('every portal service it offers is a page of the cabinet', () => {
    const services = [...ruProfile.portal.journeys, ...ruProfile.portal.sections];
    expect(services.length).toBeGreaterThan(0);
    // Russia's own pages live in its route group (ADR 0032).
    for (const s of services) expect(existsSync(`app/(ru)${s.href}/page.tsx`), s.href).toBe(true);
  });
});
