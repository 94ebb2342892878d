import { describe, expect, it } from 'vitest';
import type { LocalDate } from '@/lib/domain/dates';
import { isAppError, type AppError } from '@/lib/errors';
import { ENP_SYSTEM } from '@/lib/fhir/systems';
import { IIN_SYSTEM } from '@/lib/kz/fhir-systems';
import { IIN } from '@/testing/fhir/osms-answers';
import { patientSearch } from '../search-params';
import {
  osmsCoverageSearch,
  osmsEligibilityRequestLookup,
  osmsPatientSearch,
  toOsmsLookupQuery,
} from './search-params';

const today = '2026-11-22' as LocalDate;
const params = (p: Record<string, string>) => new URLSearchParams(p);
const wrongCheckDigit = `${IIN.slice(0, 11)}${(Number(IIN[11]) + 1) % 10}`;

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const fields = (e: AppError) => e.fields.map((f) => [f.field, f.code]);

describe('the FHIR search parameters of a Kazakh deployment', () => {
  it('a Patient search by the ИИН system becomes a lookup by ИИН', () => {
    const { lookup, revincludeCoverage } = osmsPatientSearch(
      params({ identifier: `${IIN_SYSTEM}|${IIN}`, _revinclude: 'Coverage:beneficiary' }),
    );
    expect(revincludeCoverage).toBe(true);
    expect(toOsmsLookupQuery(lookup, today)).toEqual({ iin: IIN, onDate: today });
    expect(lookup.asked).toEqual({ system: IIN_SYSTEM, value: IIN });
  });

  it('accepts the http spelling and a trailing slash of the ИИН system', () => {
    const http = IIN_SYSTEM.replace('https:', 'http:');
    const { lookup } = osmsPatientSearch(params({ identifier: `${http}/|${IIN}` }));
    expect(lookup.input.iin).toBe(IIN);
  });

  it('refuses a Russian identifier system, naming the one accepted', () => {
    const e = refusal(() => osmsPatientSearch(params({ identifier: `${ENP_SYSTEM}|7700000000000016` })));
    expect(fields(e)).toEqual([['identifier', 'VALIDATION_FAILED']]);
    expect(e.fields[0]!.message).toContain(IIN_SYSTEM);
    expect(e.fields[0]!.message).not.toContain(ENP_SYSTEM);
  });

  it('and the other way round: the Russian parser refuses the ИИН system', () => {
    const e = refusal(() => patientSearch(params({ identifier: `${IIN_SYSTEM}|${IIN}` })));
    expect(fields(e)).toEqual([['identifier', 'VALIDATION_FAILED']]);
    expect(e.fields[0]!.message).toMatch(/Неизвестная система идентификатора/);
  });

  it('refuses a birth date and the Russian document modifier as unsupported parameters', () => {
    const e = refusal(() =>
      osmsPatientSearch(params({ identifier: `${IIN_SYSTEM}|${IIN}`, birthdate: '1985-04-12' })),
    );
    expect(fields(e)).toEqual([['birthdate', 'VALIDATION_FAILED']]);
    const ofType = refusal(() => osmsPatientSearch(params({ 'identifier:of-type': 'x|14|4510 123456' })));
    expect(fields(ofType)).toEqual([['identifier:of-type', 'VALIDATION_FAILED']]);
  });

  it('an ИИН with a wrong check digit is refused under the parameter the client used', () => {
    const { lookup } = osmsCoverageSearch(
      params({ 'beneficiary:Patient.identifier': `${IIN_SYSTEM}|${wrongCheckDigit}` }),
    );
    const e = refusal(() => toOsmsLookupQuery(lookup, today));
    expect(fields(e)).toEqual([['beneficiary.identifier', 'IIN_INVALID_CHECKSUM']]);
  });

  it('a Coverage search takes exactly one way to name the ИИН', () => {
    expect(fields(refusal(() => osmsCoverageSearch(params({}))))).toEqual([
      ['beneficiary.identifier', 'FIELD_REQUIRED'],
    ]);
    const both = refusal(() =>
      osmsCoverageSearch(
        params({ identifier: `${IIN_SYSTEM}|${IIN}`, 'beneficiary.identifier': `${IIN_SYSTEM}|${IIN}` }),
      ),
    );
    expect(fields(both)).toEqual([['beneficiary.identifier', 'VALIDATION_FAILED']]);
  });
});

describe('a CoverageEligibilityRequest of a Kazakh deployment', () => {
  const request = (patient: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    resourceType: 'CoverageEligibilityRequest',
    servicedDate: '2026-11-20',
    ...patient,
    ...extra,
  });

  it('a contained Patient with the ИИН, on the serviced date', () => {
    const { lookup, request: ref } = osmsEligibilityRequestLookup(
      request({
        contained: [{ resourceType: 'Patient', id: 'p', identifier: [{ system: IIN_SYSTEM, value: IIN }] }],
        patient: { reference: '#p' },
        identifier: [{ system: 'urn:mis', value: 'r-7' }],
      }),
    );
    expect(toOsmsLookupQuery(lookup, today)).toEqual({ iin: IIN, onDate: '2026-11-20' });
    expect(ref).toEqual({
      type: 'CoverageEligibilityRequest',
      identifier: { system: 'urn:mis', value: 'r-7' },
    });
  });

  it('a reference to Patient/iin-<ИИН>, and a logical identifier', () => {
    const byReference = osmsEligibilityRequestLookup(
      request({ patient: { reference: `Patient/iin-${IIN}` } }),
    );
    expect(byReference.lookup.input.iin).toBe(IIN);
    const byIdentifier = osmsEligibilityRequestLookup(
      request({ patient: { identifier: { system: IIN_SYSTEM, value: IIN } } }),
    );
    expect(byIdentifier.lookup.input.iin).toBe(IIN);
  });

  it('refusals name the element: a Russian patient, a birth date, a wrong reference, a bad date', () => {
    const russian = refusal(() =>
      osmsEligibilityRequestLookup(request({ patient: { identifier: { system: ENP_SYSTEM, value: '1' } } })),
    );
    expect(fields(russian)).toEqual([['CoverageEligibilityRequest.patient.identifier', 'FIELD_REQUIRED']]);
    const withBirthDate = refusal(() =>
      osmsEligibilityRequestLookup(
        request({
          contained: [
            {
              resourceType: 'Patient',
              id: 'p',
              identifier: [{ system: IIN_SYSTEM, value: IIN }],
              birthDate: '1985-04-12',
            },
          ],
          patient: { reference: '#p' },
        }),
      ),
    );
    expect(fields(withBirthDate)).toEqual([['Patient.birthDate', 'VALIDATION_FAILED']]);
    const enpReference = refusal(() =>
      osmsEligibilityRequestLookup(request({ patient: { reference: 'Patient/enp-7700000000000016' } })),
    );
    expect(fields(enpReference)).toEqual([
      ['CoverageEligibilityRequest.patient.reference', 'VALIDATION_FAILED'],
    ]);
    const badDate = refusal(() =>
      osmsEligibilityRequestLookup(
        request({ patient: { reference: `Patient/iin-${IIN}` } }, { servicedDate: '20.11.2026' }),
      ),
    );
    expect(fields(badDate)).toEqual([['CoverageEligibilityRequest.servicedDate', 'DATE_INVALID']]);
  });

  it('an invalid ИИН in the contained Patient is refused under Patient.identifier', () => {
    const { lookup } = osmsEligibilityRequestLookup(
      request({
        contained: [
          { resourceType: 'Patient', id: 'p', identifier: [{ system: IIN_SYSTEM, value: '12345' }] },
        ],
        patient: { reference: '#p' },
      }),
    );
    expect(fields(refusal(() => toOsmsLookupQuery(lookup, today)))).toEqual([
      ['Patient.identifier', 'IIN_INVALID_FORMAT'],
    ]);
  });
});
