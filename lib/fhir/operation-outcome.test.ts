import { describe, expect, it } from 'vitest';
import { AppError, fieldIssue, type ErrorCode } from '@/lib/errors';
import { describeNotFound } from '@/lib/domain/ru/policy-status';
import {
  httpOutcome,
  lookupStatusOutcome,
  staleAnswerOutcome,
  toOperationOutcome,
} from './operation-outcome';
import { ERROR_CODE_SYSTEM } from './systems';
import { expectValidFhir } from '@/testing/fhir/fhir-validator';

describe('toOperationOutcome', () => {
  it('gives one issue per invalid field, naming the parameter, in Russian, with our code', () => {
    const outcome = toOperationOutcome(
      AppError.validation([
        fieldIssue('identifier', 'ENP_INVALID_CHECKSUM'),
        fieldIssue('birthdate', 'FIELD_REQUIRED', 'Поиск по СНИЛС возможен только вместе с датой рождения.'),
      ]),
    );
    expectValidFhir(outcome);
    expect(outcome.issue).toEqual([
      {
        severity: 'error',
        code: 'value',
        details: {
          coding: [{ system: ERROR_CODE_SYSTEM, code: 'ENP_INVALID_CHECKSUM' }],
          text: 'ЕНП указан с ошибкой: не сходится контрольная цифра.',
        },
        expression: ['identifier'],
      },
      {
        severity: 'error',
        code: 'required',
        details: {
          coding: [{ system: ERROR_CODE_SYSTEM, code: 'FIELD_REQUIRED' }],
          text: 'Поиск по СНИЛС возможен только вместе с датой рождения.',
        },
        expression: ['birthdate'],
      },
    ]);
  });

  it.each<[ErrorCode, string, string]>([
    ['UNAUTHENTICATED', 'error', 'login'],
    ['FORBIDDEN', 'error', 'forbidden'],
    ['NOT_FOUND', 'error', 'not-found'],
    ['PERSON_NOT_FOUND', 'error', 'not-found'],
    ['METHOD_NOT_ALLOWED', 'error', 'not-supported'],
    ['RATE_LIMITED', 'error', 'throttled'],
    ['REGISTER_UNAVAILABLE', 'fatal', 'transient'],
    ['INTERNAL', 'fatal', 'exception'],
    ['VALIDATION_FAILED', 'error', 'invalid'],
    ['CONFLICT', 'error', 'conflict'],
  ])('maps %s to severity %s, code %s', (code, severity, issueCode) => {
    const outcome = toOperationOutcome(new AppError(code));
    expectValidFhir(outcome);
    expect(outcome.issue[0]).toMatchObject({ severity, code: issueCode, details: { coding: [{ code }] } });
  });

  it('keeps the Russian message that the right to care is kept when the register is down', () => {
    expect(toOperationOutcome(new AppError('REGISTER_UNAVAILABLE')).issue[0]?.details?.text).toMatch(
      /Право на медицинскую помощь сохраняется/,
    );
  });

  it('turns an unknown error into INTERNAL without showing it', () => {
    const outcome = toOperationOutcome(new Error('password=secret'));
    expect(JSON.stringify(outcome)).not.toMatch(/secret/);
    expect(outcome.issue[0]).toMatchObject({ code: 'exception' });
  });

  it('builds the informational outcomes of a search', () => {
    const notFound = lookupStatusOutcome(describeNotFound());
    expectValidFhir(notFound);
    expect(notFound.issue[0]).toMatchObject({
      severity: 'information',
      code: 'not-found',
      details: { coding: [{ code: 'NOT_FOUND' }] },
    });
    expect(notFound.issue[0]?.details?.text).toMatch(/не найдено.*Проверьте/);
    const stale = staleAnswerOutcome({ staleSince: '2026-11-22T08:00:00.000Z' });
    expectValidFhir(stale);
    expect(stale.issue[0]).toMatchObject({ severity: 'warning', code: 'transient' });
    expectValidFhir(httpOutcome('not-supported', 'Только JSON.'));
  });
});
