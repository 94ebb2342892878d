import { accessChannelEnum } from '@/db/schema';
import { addDays, parseDate, type LocalDate } from '@/lib/domain/dates';
import { endOfDayIn } from '@/lib/domain/zoned-time';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';
import { servedStaffRoles } from '@/lib/auth/staff-accounts';
import { IssueCollector } from '@/lib/domain/result';
import { canonicalText, hasForbiddenCharacters } from '@/lib/domain/text';
import { AppError, fieldIssue } from '@/lib/errors';

/** The filters of the audit log as a form sends them: every field optional, all strings. */
export interface AuditFilterInput {
  /** Login of a staff member, or the id of another actor (an API key's prefix, a feed). */
  who?: string | null;
  /** Organisation code as logged: `ffoms`, `tfoms:77`, `smo:77001`, an МО code `770001`, `feed:zags`. */
  organisation?: string | null;
  /** Whom: the person's key in the register (ЕНП; ИИН). */
  person?: string | null;
  /** What: a staff action code, a read's purpose, or `read` for every read of personal data. */
  what?: string | null;
  channel?: string | null;
  /** ДД.ММ.ГГГГ (or ISO), days in the register's zone, both ends included. */
  from?: string | null;
  to?: string | null;
}

export type AuditChannel = (typeof accessChannelEnum.enumValues)[number];

/** The checked filters. Instants bound the days given, in the register's zone. */
export interface AuditFilter {
  who: string | null;
  organisation: string | null;
  /** The person's key, normalised. */
  person: string | null;
  what: string | null;
  channel: AuditChannel | null;
  from: LocalDate | null;
  to: LocalDate | null;
  fromInstant: Date | null;
  toInstant: Date | null;
}

/** `what` that matches every read of personal data (the access log), whatever its purpose. */
export const ANY_READ = 'read';

/** An action code or a read's purpose (`card:data_check` included). */
const CODE = /^[a-z][a-z0-9_:]{0,63}$/;
const ORGANISATION = /^[a-z0-9:_]{1,16}$/;

/**
 * The organisation codes the log is written with, in words, of the roles this register has (no insurers in
 * a Kazakh one): «ffoms, tfoms:<код региона>, smo:<код СМО> или код МО из 6 цифр».
 */
export function organisationCodesText(): string {
  const roles = servedStaffRoles();
  const codes = [
    'ffoms',
    roles.includes('tfoms_operator') ? 'tfoms:<код региона>' : null,
    roles.includes('smo_operator') ? 'smo:<код СМО>' : null,
  ].filter((c) => c !== null);
  return `${codes.join(', ')} или код МО из 6 цифр`;
}

function optional(value: string | null | undefined): string | null {
  const text = canonicalText(value).trim();
  return text === '' ? null : text;
}

/** Checks the filters; every invalid field is named at once (VALIDATION_FAILED). */
export function parseAuditFilter(input: AuditFilterInput): AuditFilter {
  const c = new IssueCollector();
  const who = optional(input.who);
  if (who !== null && (who.length > 128 || hasForbiddenCharacters(who))) {
    c.add(
      fieldIssue(
        'who',
        'VALIDATION_FAILED',
        'Логин или идентификатор: не длиннее 128 символов, без служебных символов.',
      ),
    );
  }
  const organisation = optional(input.organisation)?.toLowerCase() ?? null;
  if (organisation !== null && !ORGANISATION.test(organisation)) {
    c.add(
      fieldIssue('organisation', 'VALIDATION_FAILED', `Укажите код организации: ${organisationCodesText()}.`),
    );
  }
  const profile = jurisdictionProfile();
  const personText = optional(input.person)?.replace(/\s+/g, '') ?? null;
  const person =
    personText === null ? null : (c.take(profile.personIdentifier.validate(personText, 'person')) ?? null);
  const what = optional(input.what);
  if (what !== null && !CODE.test(what)) {
    c.add(fieldIssue('what', 'VALIDATION_FAILED', 'Выберите действие из списка.'));
  }
  const channelText = optional(input.channel);
  const channel =
    channelText === null
      ? null
      : (accessChannelEnum.enumValues as readonly string[]).includes(channelText)
        ? (channelText as AuditChannel)
        : null;
  if (channelText !== null && channel === null) {
    c.add(fieldIssue('channel', 'VALIDATION_FAILED', 'Выберите канал из списка.'));
  }
  const fromText = optional(input.from);
  const toText = optional(input.to);
  const from = fromText === null ? null : (c.take(parseDate('from', fromText)) ?? null);
  const to = toText === null ? null : (c.take(parseDate('to', toText)) ?? null);
  if (from && to && to < from) {
    c.add(fieldIssue('to', 'DATE_RANGE_INVALID', 'Дата «по» не может быть раньше даты «с».'));
  }
  if (c.issues.length) throw AppError.validation(c.issues);
  return {
    who,
    organisation,
    person,
    what,
    channel,
    from,
    to,
    // The first instant of a day is the last instant of the day before, plus one millisecond (a day
    // across a change of the zone's offset is not 24 hours long).
    fromInstant: from ? new Date(endOfDayIn(addDays(from, -1), profile.timeZone).getTime() + 1) : null,
    toInstant: to ? endOfDayIn(to, profile.timeZone) : null,
  };
}
