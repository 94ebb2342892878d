import type { StaffContext } from '@/lib/auth/staff-context';
import { correctAttachment } from '@/lib/register/correct-attachment';
import { correctCoverage } from '@/lib/register/correct-coverage';
import { correctDocument } from '@/lib/register/correct-document';
import { correctPersonData, PERSON_FIELDS } from '@/lib/register/correct-person-data';
import type { CorrectionAuthor } from '@/lib/register/correction';
import { refusalState, type FormState } from '@/app/_components/form-state';

/** What can be corrected, by the `chto` of the address. */
export const CORRECTION_KINDS = {
  dannye: 'Данные человека',
  dokument: 'Документ',
  polis: 'Период страхования',
  prikreplenie: 'Прикрепление к поликлинике',
} as const;
export type CorrectionKind = keyof typeof CORRECTION_KINDS;

export function isCorrectionKind(value: unknown): value is CorrectionKind {
  return typeof value === 'string' && Object.hasOwn(CORRECTION_KINDS, value);
}

export const CORRECTION_FIELDS = [
  'chto',
  'zapis',
  'personId',
  'expectedVersion',
  'reason',
  ...PERSON_FIELDS,
  'series',
  'number',
  'issueDate',
  'issuer',
  'validTo',
  'insurerCode',
  'subjectCode',
  'validFrom',
  'moCode',
] as const;
export type CorrectionValues = Record<(typeof CORRECTION_FIELDS)[number], string>;
export type CorrectionFormState = FormState<{ personId: number }>;

/** Sends the form to the correction's use case; refusals (with every invalid field) come back as state. */
export async function consoleCorrection(
  staff: Pick<StaffContext, 'actor' | 'staffId' | 'login' | 'organisation'>,
  values: CorrectionValues,
): Promise<CorrectionFormState> {
  const author: CorrectionAuthor = {
    actor: staff.actor,
    staffId: staff.staffId,
    login: staff.login,
    organisation: staff.organisation,
  };
  const target = {
    personId: Number(values.personId),
    expectedVersion: Number(values.expectedVersion),
    reason: values.reason,
  };
  const record = Number(values.zapis);
  try {
    switch (values.chto) {
      case 'dannye':
        await correctPersonData(
          {
            ...target,
            person: {
              lastName: values.lastName,
              firstName: values.firstName,
              patronymic: values.patronymic,
              sex: values.sex,
              birthDate: values.birthDate,
              birthPlace: values.birthPlace,
              citizenship: values.citizenship,
              snils: values.snils,
            },
          },
          author,
        );
        break;
      case 'dokument':
        await correctDocument(
          {
            ...target,
            documentId: record,
            document: {
              series: values.series,
              number: values.number,
              issueDate: values.issueDate,
              issuer: values.issuer,
              validTo: values.validTo,
            },
          },
          author,
        );
        break;
      case 'polis':
        await correctCoverage(
          {
            ...target,
            coverageId: record,
            insurerCode: values.insurerCode,
            subjectCode: values.subjectCode,
            validFrom: values.validFrom,
            validTo: values.validTo,
          },
          author,
        );
        break;
      case 'prikreplenie':
        await correctAttachment(
          { ...target, attachmentId: record, moCode: values.moCode, validFrom: values.validFrom },
          author,
        );
        break;
      default:
        return { values, errors: [], formError: 'Неизвестный вид исправления.', result: null };
    }
    return { values, errors: [], formError: null, result: { personId: target.personId } };
  } catch (error) {
    return refusalState(values, error);
  }
}
