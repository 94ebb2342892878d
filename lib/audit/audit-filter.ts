import { accessChannelEnum } from '@/db/schema';
import { endOfMoscowDay, parseDate, type LocalDate } from '@/lib/domain/dates';
import { validateEnp } from '@/lib/domain/ru/enp';
import { IssueCollector } from '@/lib/domain/result';
import { canonicalText, hasForbiddenCharacters } from '@/lib/domain/text';
import { AppError, fieldIssue } from '@/lib/errors';

/** The filters of the audit log as a form sends them: every field optional, all strings. */
export interface AuditFilterInput {
  /** Login of a staff member, or the id of another actor (an API key's prefix, a feed). */
  who?: string | null;
  /** Organisation code as logged: `ffoms`, `tfoms:77`, `smo:77001`, an МО code `770001`, `feed:zags`. */
  organisation?: string | null;
  /** Whom: the person's ЕНП. */
  enp?: string | null;
  /** What: a staff action code, a read's purpose, or `read` for every read of personal data. */
  what?: string | null;
  channel?: string | null;
  /** ДД.ММ.ГГГГ (or ISO), Moscow days, both ends included. */
  from?: string | null;
  to?: string | null;
}

export type AuditChannel = (typeof accessChannelEnum.enumValues)[number];

/** The checked filters. Instants bound the Moscow days given. */
export interface AuditFilter {
  who: string | null;
  organisation: string | null;
  enp: string | null;
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
      fieldIssue(
        'organisation',
        'VALIDATION_FAILED',
        'Укажите код организации: ffoms, tfoms:77, smo:77001 или код МО из 6 цифр.',
      ),
    );
  }
  const enpText = optional(input.enp)?.replace(/\s+/g, '') ?? null;
  const enp = enpText === null ? null : (c.take(validateEnp(enpText, 'enp')) ?? null);
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
    enp,
    what,
    channel,
    from,
    to,
    // The first instant of a Moscow day is the last instant of the day before, plus one millisecond.
    fromInstant: from ? new Date(endOfMoscowDay(from).getTime() - 86_400_000 + 1) : null,
    toInstant: to ? endOfMoscowDay(to) : null,
  };
}
