import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import {
  coverageSearch,
  eligibilityRequestLookup,
  parseIdentifierToken,
  patientSearch,
  splitDocumentValue,
  splitToken,
  toLookupQuery,
} from './search-params';
import { ENP } from '@/testing/fhir/answers';

const today = '2026-11-22' as never;
const SNILS = '112-233-445 95';

function fields(fn: () => unknown): { field: string; code: string; message: string }[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).fields.map(({ field, code, message }) => ({ field, code, message }));
  }
  throw new Error('expected a refusal');
}

const patient = (query: string) => patientSearch(new URLSearchParams(query));
const coverage = (query: string) => coverageSearch(new URLSearchParams(query));
const lookupOf = (query: string) => toLookupQuery(patient(query).lookup, today);

describe('tokens', () => {
  it('splits system|value, undoing FHIR escapes', () => {
    expect(parseIdentifierToken('https://fhir.ru/ig/core/systems/oms|123', 'identifier')).toEqual({
      system: 'https://fhir.ru/ig/core/systems/oms',
      value: '123',
    });
    expect(splitToken('a\\|b|c\\,d\\\\', 'x')).toEqual(['a|b', 'c,d\\']);
  });

  it('refuses several values (an unescaped comma) and a token without a system', () => {
    expect(fields(() => splitToken('a|1,a|2', 'identifier'))[0]).toMatchObject({ field: 'identifier' });
    expect(fields(() => parseIdentifierToken(ENP, 'identifier'))[0]).toMatchObject({ field: 'identifier' });
    expect(fields(() => parseIdentifierToken('|', 'identifier'))[0]).toMatchObject({ field: 'identifier' });
  });

  it('splits a document value into series and number', () => {
    expect(splitDocumentValue(14, '4510 123456')).toEqual({ series: '4510', number: '123456' });
    expect(splitDocumentValue(14, '45 10  №123456')).toEqual({ series: '45 10', number: '123456' });
    expect(splitDocumentValue(14, '4510123456')).toEqual({ series: '4510', number: '123456' });
    expect(splitDocumentValue(3, 'IV-МЮ 123456')).toEqual({ series: 'IV-МЮ', number: '123456' });
    expect(splitDocumentValue(26, 'A1234')).toEqual({ series: null, number: 'A1234' });
  });
});

describe('Patient search', () => {
  it.each([
    'https://fhir.ru/ig/core/systems/oms',
    'http://fhir.ru/ig/core/systems/oms',
    'https://fhir.ru/ig/core/systems/OMS',
    'http://fhir.ru/ig/core/systems/OMS/',
    'https://fhir.ru/core/systems/oms',
  ])('finds by ЕНП under the system spelled %s', (system) => {
    expect(lookupOf(`identifier=${encodeURIComponent(`${system}|${ENP}`)}`)).toEqual({
      by: 'enp',
      enp: ENP,
      onDate: today,
    });
  });

  it.each(['https://fhir.ru/ig/core/systems/snils', 'http://fhir.ru/ig/core/systems/SNILS'])(
    'finds by СНИЛС with birthdate under %s',
    (system) => {
      expect(lookupOf(`identifier=${encodeURIComponent(`${system}|${SNILS}`)}&birthdate=1985-03-14`)).toEqual(
        {
          by: 'snils',
          snils: '11223344595',
          birthDate: '1985-03-14',
          onDate: today,
        },
      );
    },
  );

  it.each([
    'https://fhir.ru/ig/core/systems/birth-certificate',
    'http://fhir.ru/core/systems/birth-certificate',
  ])('finds by birth certificate with birthdate under %s', (system) => {
    expect(
      lookupOf(`identifier=${encodeURIComponent(`${system}|IV-МЮ 123456`)}&birthdate=eq2020-01-01`),
    ).toMatchObject({ by: 'document', kind: 3, series: 'IV-МЮ', number: '123456', birthDate: '2020-01-01' });
  });

  it.each([
    ['https://oms-register.ru/fhir/CodeSystem/f011|14|4510 123456', 14],
    ['http://oms-register.ru/fhir/CodeSystem/f011|14|45 10 123456', 14],
    ['https://fhir.ru/ig/core/CodeSystem/core-cs-nsi-identity-document|1|4510 123456', 14],
    ['http://fhir.ru/core/CodeSystem/core-cs-nsi-identity-document|6|II-АБ 654321', 3],
  ])('finds by identity document identifier:of-type=%s', (token, kind) => {
    expect(lookupOf(`identifier:of-type=${encodeURIComponent(token)}&birthdate=1985-03-14`)).toMatchObject({
      by: 'document',
      kind,
      birthDate: '1985-03-14',
    });
  });

  it('takes _revinclude=Coverage:beneficiary', () => {
    expect(
      patient(`identifier=https://fhir.ru/ig/core/systems/oms|${ENP}&_revinclude=Coverage:beneficiary`),
    ).toMatchObject({
      revincludeCoverage: true,
    });
    expect(patient(`identifier=https://fhir.ru/ig/core/systems/oms|${ENP}`).revincludeCoverage).toBe(false);
  });

  it.each<[string, string, RegExp]>([
    ['', 'identifier', /Укажите, кого искать/],
    [`identifier=urn:oid:1.2.3|${ENP}`, 'identifier', /Неизвестная система/],
    ['identifier=https://fhir.ru/ig/core/systems/identity-document|4510 123456', 'identifier', /of-type/],
    ['identifier=https://fhir.ru/ig/core/systems/oms|123', 'identifier', /16 цифр/],
    ['identifier=https://fhir.ru/ig/core/systems/oms|7700000000000017', 'identifier', /контрольная цифра/],
    [
      `identifier=https://fhir.ru/ig/core/systems/snils|${SNILS}`,
      'birthdate',
      /только вместе с датой рождения/,
    ],
    [`identifier=https://fhir.ru/ig/core/systems/snils|${SNILS}&birthdate=1985`, 'birthdate', /ГГГГ-ММ-ДД/],
    [
      `identifier=https://fhir.ru/ig/core/systems/snils|${SNILS}&birthdate=gt1985-03-14`,
      'birthdate',
      /без префикса/,
    ],
    [
      `identifier=https://fhir.ru/ig/core/systems/snils|${SNILS}&birthdate=1985-02-31`,
      'birthdate',
      /ДД\.ММ\.ГГГГ/,
    ],
    ['identifier:of-type=urn:x|14|4510 123456&birthdate=1985-03-14', 'identifier:of-type', /F011/],
    [
      'identifier:of-type=https://oms-register.ru/fhir/CodeSystem/f011|99|4510 123456&birthdate=1985-03-14',
      'identifier:of-type',
      /вид документа/i,
    ],
    [
      'identifier:of-type=https://fhir.ru/ig/core/CodeSystem/core-cs-nsi-identity-document|36|77 123&birthdate=1985-03-14',
      'identifier:of-type',
      /F011/,
    ],
    [
      'identifier:of-type=https://oms-register.ru/fhir/CodeSystem/f011|14&birthdate=1985-03-14',
      'identifier:of-type',
      /серия номер/,
    ],
    [
      'identifier:of-type=https://oms-register.ru/fhir/CodeSystem/f011|14|45 123456&birthdate=1985-03-14',
      'identifier:of-type',
      /Серия паспорта/,
    ],
    [
      `identifier=https://fhir.ru/ig/core/systems/oms|${ENP}&identifier:of-type=https://oms-register.ru/fhir/CodeSystem/f011|14|4510 123456`,
      'identifier:of-type',
      /один способ/,
    ],
    [
      `identifier=https://fhir.ru/ig/core/systems/oms|${ENP}&identifier=https://fhir.ru/ig/core/systems/oms|${ENP}`,
      'identifier',
      /несколько раз/,
    ],
    [`identifier=https://fhir.ru/ig/core/systems/oms|${ENP}&name=Смирнова`, 'name', /не поддерживается/],
    [
      `identifier=https://fhir.ru/ig/core/systems/oms|${ENP}&_revinclude=Coverage:payor`,
      '_revinclude',
      /Coverage:beneficiary/,
    ],
  ])('refuses «%s», naming %s', (query, field, message) => {
    const issues = fields(() => lookupOf(query));
    expect(issues.map((i) => i.field)).toContain(field);
    expect(issues.find((i) => i.field === field)?.message).toMatch(message);
  });
});

describe('Coverage search', () => {
  it('finds by the policy number (identifier = ЕНП)', () => {
    expect(
      toLookupQuery(coverage(`identifier=http://fhir.ru/ig/core/systems/OMS|${ENP}`).lookup, today),
    ).toEqual({
      by: 'enp',
      enp: ENP,
      onDate: today,
    });
  });

  it('finds by the beneficiary chain, typed or not, with beneficiary.birthdate', () => {
    for (const prefix of ['beneficiary.', 'beneficiary:Patient.']) {
      const q = `${prefix}identifier=https://fhir.ru/ig/core/systems/snils|${SNILS}&${prefix}birthdate=1985-03-14`;
      expect(toLookupQuery(coverage(q).lookup, today)).toMatchObject({
        by: 'snils',
        birthDate: '1985-03-14',
      });
    }
    const doc = `beneficiary.identifier:of-type=${encodeURIComponent('https://oms-register.ru/fhir/CodeSystem/f011|14|4510 123456')}&beneficiary.birthdate=1985-03-14`;
    expect(toLookupQuery(coverage(doc).lookup, today)).toMatchObject({ by: 'document', kind: 14 });
  });

  it('names the chained parameter in refusals', () => {
    expect(
      fields(() =>
        toLookupQuery(
          coverage(`beneficiary.identifier=https://fhir.ru/ig/core/systems/snils|${SNILS}`).lookup,
          today,
        ),
      ),
    ).toEqual([expect.objectContaining({ field: 'beneficiary.birthdate', code: 'FIELD_REQUIRED' })]);
    expect(
      fields(() => coverage(`identifier=https://fhir.ru/ig/core/systems/snils|${SNILS}`))[0],
    ).toMatchObject({
      field: 'identifier',
    });
    expect(fields(() => coverage('patient.identifier=x|y'))[0]).toMatchObject({
      field: 'patient.identifier',
    });
    expect(fields(() => coverage(''))[0]).toMatchObject({ field: 'identifier', code: 'FIELD_REQUIRED' });
  });
});

describe('CoverageEligibilityRequest → lookup', () => {
  const request = (patient: object, extra: object = {}) => ({
    resourceType: 'CoverageEligibilityRequest',
    status: 'active',
    purpose: ['validation'],
    created: '2026-11-22',
    insurer: { display: 'СМО' },
    ...patient,
    ...extra,
  });

  it('reads a contained Patient: ЕНП first, then СНИЛС, then documents; servicedDate is the as-of date', () => {
    const body = request(
      {
        contained: [
          {
            resourceType: 'Patient',
            id: 'p',
            identifier: [
              { system: 'https://fhir.ru/ig/core/systems/snils', value: SNILS },
              { system: 'https://fhir.ru/ig/core/systems/OMS', value: ENP },
            ],
            birthDate: '1985-03-14',
          },
        ],
        patient: { reference: '#p' },
      },
      { servicedDate: '2026-01-31', identifier: [{ system: 'urn:mis', value: 'req-1' }] },
    );
    const parsed = eligibilityRequestLookup(body);
    // The Patient's birth date goes along with the ЕНП and must match too (ADR 0014).
    expect(toLookupQuery(parsed.lookup, today)).toEqual({
      by: 'enp',
      enp: ENP,
      birthDate: '1985-03-14',
      onDate: '2026-01-31',
    });
    expect(parsed.request).toEqual({
      type: 'CoverageEligibilityRequest',
      identifier: { system: 'urn:mis', value: 'req-1' },
    });
    expect(parsed.purpose).toEqual(['validation']);
  });

  it('reads an identity document typed by F011, a Patient/enp-… reference and a logical identifier', () => {
    const doc = eligibilityRequestLookup(
      request({
        contained: [
          {
            resourceType: 'Patient',
            id: 'p',
            identifier: [
              {
                system: 'https://fhir.ru/ig/core/systems/identity-document',
                type: { coding: [{ system: 'https://oms-register.ru/fhir/CodeSystem/f011', code: '14' }] },
                value: '4510 123456',
              },
            ],
            birthDate: '1985-03-14',
          },
        ],
        patient: { reference: '#p' },
      }),
    );
    expect(toLookupQuery(doc.lookup, today)).toMatchObject({
      by: 'document',
      kind: 14,
      series: '4510',
      number: '123456',
    });
    const ref = eligibilityRequestLookup(request({ patient: { reference: `Patient/enp-${ENP}` } }));
    expect(toLookupQuery(ref.lookup, today)).toMatchObject({ by: 'enp', enp: ENP });
    const logical = eligibilityRequestLookup(
      request({ patient: { identifier: { system: 'https://fhir.ru/ig/core/systems/oms', value: ENP } } }),
    );
    expect(toLookupQuery(logical.lookup, today)).toMatchObject({ by: 'enp', enp: ENP });
  });

  it.each<[string, unknown, string]>([
    ['not a CoverageEligibilityRequest', { resourceType: 'Patient' }, 'resourceType'],
    ['no patient', { resourceType: 'CoverageEligibilityRequest' }, 'CoverageEligibilityRequest.patient'],
    [
      'a missing contained Patient',
      { resourceType: 'CoverageEligibilityRequest', patient: { reference: '#x' } },
      'CoverageEligibilityRequest.patient.reference',
    ],
    [
      'a foreign Patient reference',
      { resourceType: 'CoverageEligibilityRequest', patient: { reference: 'Patient/123' } },
      'CoverageEligibilityRequest.patient.reference',
    ],
    [
      'a Patient without identifiers',
      {
        resourceType: 'CoverageEligibilityRequest',
        contained: [{ resourceType: 'Patient', id: 'p' }],
        patient: { reference: '#p' },
      },
      'Patient.identifier',
    ],
    [
      'a servicedDate that is not a date',
      {
        resourceType: 'CoverageEligibilityRequest',
        patient: { reference: `Patient/enp-${ENP}` },
        servicedDate: '31.01.2026',
      },
      'CoverageEligibilityRequest.servicedDate',
    ],
    [
      'a period instead of a date',
      {
        resourceType: 'CoverageEligibilityRequest',
        patient: { reference: `Patient/enp-${ENP}` },
        servicedPeriod: { start: '2026-01-01' },
      },
      'CoverageEligibilityRequest.servicedPeriod',
    ],
  ])('refuses %s, naming the element', (_what, body, field) => {
    expect(
      fields(() => toLookupQuery(eligibilityRequestLookup(body).lookup, today)).map((f) => f.field),
    ).toContain(field);
  });

  it('names Patient.birthDate when a СНИЛС comes without one', () => {
    const body = request({
      contained: [
        {
          resourceType: 'Patient',
          id: 'p',
          identifier: [{ system: 'https://fhir.ru/ig/core/systems/snils', value: SNILS }],
        },
      ],
      patient: { reference: '#p' },
    });
    expect(fields(() => toLookupQuery(eligibilityRequestLookup(body).lookup, today))).toEqual([
      expect.objectContaining({ field: 'Patient.birthDate', code: 'FIELD_REQUIRED' }),
    ]);
  });
});
