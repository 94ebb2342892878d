import { fieldIssue } from '@/lib/errors';
import { makeDate, parseDate, type LocalDate } from '../dates';
import { IssueCollector, invalid, valid, type Checked } from '../result';
import { validateIin, type Iin } from './iin';
import { validateKzPersonName } from './person-name';

/** Kazakhstan's citizenship (ISO 3166 alpha-3): a citizen takes part in ОСМС without a residence permit. */
export const KZ_CITIZENSHIP = 'KAZ';

/** A new person of the Kazakh register, as typed or sent (every field checked and named). */
export interface KzPersonInput {
  iin: string;
  lastName: string;
  firstName: string;
  patronymic?: string | null;
  /** ДД.ММ.ГГГГ or ISO; the ИИН's encoded date when omitted. */
  birthDate?: string | null;
  /** 'M' | 'F'; the ИИН's when omitted. */
  sex?: string | null;
  /**
   * The document gives a birth date other than the ИИН's and someone checked it: since the 2013 formation
   * rules (Government Decree 853) a person keeps their ИИН when their recorded date is corrected.
   */
  birthDateDiffersFromIin?: boolean;
  /** ISO 3166 alpha-3: KAZ for citizens. */
  citizenship: string;
  birthPlace?: string | null;
  /** A foreigner's or stateless person's residence in Kazakhstan (what makes them an ОСМС participant). */
  residencePermits?: readonly { basis: string; from: string; to?: string | null }[];
}

export interface KzPersonData {
  iin: Iin;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  birthDate: LocalDate;
  sex: 'M' | 'F';
  citizenship: string;
  birthPlace: string | null;
  residencePermits: { basis: 'permanent' | 'treaty'; from: LocalDate; to: LocalDate | null }[];
}

const EARLIEST_BIRTH_DATE = makeDate(1900, 1, 1);
const BASES = ['permanent', 'treaty'] as const;

function checkBirthDate(c: IssueCollector, value: string, today: LocalDate): LocalDate | undefined {
  const date = c.take(parseDate('birthDate', value));
  if (date && date > today) {
    c.add(fieldIssue('birthDate', 'DATE_IN_FUTURE', 'Дата рождения не может быть позже сегодняшней.'));
    return undefined;
  }
  if (date && date < EARLIEST_BIRTH_DATE) {
    c.add(fieldIssue('birthDate', 'DATE_TOO_EARLY', 'Дата рождения не может быть раньше 01.01.1900.'));
    return undefined;
  }
  return date;
}

function checkPermits(c: IssueCollector, input: KzPersonInput, citizen: boolean) {
  const permits = input.residencePermits ?? [];
  if (citizen && permits.length > 0) c.add(fieldIssue('residencePermits', 'RESIDENCE_PERMIT_FOR_CITIZEN'));
  return permits.map((p, i) => {
    const at = `residencePermits.${i}`;
    if (!(BASES as readonly string[]).includes(p.basis)) {
      c.add(
        fieldIssue(
          `${at}.basis`,
          'VALIDATION_FAILED',
          'Основание проживания: permanent (вид на жительство) или treaty (по международному договору).',
        ),
      );
    }
    const from = c.take(parseDate(`${at}.from`, p.from));
    const to = p.to ? c.take(parseDate(`${at}.to`, p.to)) : null;
    if (from && to && to < from) c.add(fieldIssue(`${at}.to`, 'DATE_RANGE_INVALID'));
    return { basis: p.basis as 'permanent' | 'treaty', from: from!, to: to ?? null };
  });
}

/**
 * Checks a new person of the Kazakh register, naming every invalid field. The birth date and sex must agree
 * with the ИИН: the sex always (a change of sex gives a new ИИН), the date unless the difference is
 * confirmed (`birthDateDiffersFromIin`).
 */
export function checkKzPersonData(input: KzPersonInput, today: LocalDate): Checked<KzPersonData> {
  const c = new IssueCollector();
  const decoded = c.take(validateIin(input.iin, 'iin'));
  const lastName = c.take(validateKzPersonName('lastName', input.lastName, { required: true }));
  const firstName = c.take(validateKzPersonName('firstName', input.firstName, { required: true }));
  const patronymic = c.take(validateKzPersonName('patronymic', input.patronymic, { required: false }));
  const given = input.birthDate?.trim() ? checkBirthDate(c, input.birthDate, today) : null;
  const birthDate = given ?? decoded?.birthDate;
  if (given && decoded && given !== decoded.birthDate && !input.birthDateDiffersFromIin)
    c.add(fieldIssue('birthDate', 'IIN_BIRTH_DATE_MISMATCH'));
  const sexText = input.sex?.trim().toUpperCase() ?? '';
  if (sexText !== '' && sexText !== 'M' && sexText !== 'F') c.add(fieldIssue('sex', 'PERSON_SEX_INVALID'));
  const iinSex = decoded ? (decoded.sex === 'male' ? 'M' : 'F') : undefined;
  if ((sexText === 'M' || sexText === 'F') && iinSex && sexText !== iinSex)
    c.add(fieldIssue('sex', 'IIN_SEX_MISMATCH'));
  const citizenship = input.citizenship.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(citizenship)) {
    c.add(
      fieldIssue('citizenship', 'VALIDATION_FAILED', 'Гражданство — трёхбуквенный код страны, например KAZ.'),
    );
  }
  const residencePermits = checkPermits(c, input, citizenship === KZ_CITIZENSHIP);
  if (c.issues.length > 0 || !decoded || !lastName || !firstName || patronymic === undefined || !birthDate)
    return invalid(...c.issues);
  return valid({
    iin: decoded.iin,
    lastName,
    firstName,
    patronymic,
    birthDate,
    sex: iinSex!,
    citizenship,
    birthPlace: input.birthPlace?.trim() || null,
    residencePermits,
  });
}
