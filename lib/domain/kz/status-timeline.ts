import { addDays, type LocalDate } from '../dates';
import { osmsStatusOn, type OsmsStatus } from './insured-status';
import { addMonthsToMonth, firstDayOf, monthOf } from './months';
import type { OsmsFacts } from './osms-facts';
import type { OsmsParameters } from './parameters';
import { factsKnownOn, statusPeriods } from './status-periods';

/** One row of a person's status history: the status on `on`, as the rule derives it from the facts. */
export interface TimelineEntry {
  on: LocalDate;
  status: OsmsStatus;
  /** The first day of a month (every month in the range has one row). */
  monthStart: boolean;
  /** The status differs from the day before (insured or not, the ground or reason, the category). */
  changed: boolean;
}

/** What makes two days' statuses different for a reader: not the `until`, which a new payment extends. */
function statusKey(s: OsmsStatus): string {
  return `${s.insured}|${s.code}|${s.category ?? ''}`;
}

/** Every day a fact can start to count or stop counting: payments, data arriving, uploads, revocations. */
function factDays(facts: OsmsFacts): LocalDate[] {
  const days: LocalDate[] = [];
  for (const c of facts.contributions) days.push(c.paidOn);
  for (const m of facts.memberships) {
    days.push(m.from, m.receivedOn);
    if (m.to !== null) days.push(addDays(m.to, 1));
  }
  for (const t of facts.temporaryStatuses) {
    days.push(t.uploadedOn);
    if (t.revokedOn !== null) days.push(t.revokedOn);
  }
  if (facts.residence.kind === 'foreign')
    for (const p of facts.residence.permits) {
      days.push(p.from);
      if (p.to !== null) days.push(addDays(p.to, 1));
    }
  return days;
}

/**
 * The status on the first day of every month from `from`'s to `to`'s, and on every day in between on which
 * it changes (the "status timeline" of the console). The status only changes on a day a fact starts to
 * count (the facts known on a day change only then), on a day a period of status starts or one ends the
 * day before (for the facts known at the time), on a month's first day (the 12 months looked back at, the
 * month's own payment) and on the day the 12-months-ahead mechanism began; so only those days are
 * computed, not every day. Oldest first.
 */
export function osmsStatusTimeline(
  params: OsmsParameters,
  facts: OsmsFacts,
  from: LocalDate,
  to: LocalDate,
): TimelineEntry[] {
  if (to < from) return [];
  const inRange = (day: LocalDate) => day > from && day <= to;
  const candidates = new Set<LocalDate>([from]);
  const monthStarts = new Set<LocalDate>();
  for (let month = monthOf(from); firstDayOf(month) <= to; month = addMonthsToMonth(month, 1)) {
    const first = firstDayOf(month);
    if (first >= from) {
      monthStarts.add(first);
      candidates.add(first);
    }
  }
  const changes = factDays(facts);
  changes.push(params.rules.advanceRuleFrom);
  // The facts known on a day are the same from one fact's day to the next: the periods of each such
  // snapshot bound where its status may change.
  for (const known of new Set([from, ...changes.filter(inRange)])) {
    for (const p of statusPeriods(params, factsKnownOn(facts, known))) {
      changes.push(p.from);
      if (p.to !== null) changes.push(addDays(p.to, 1));
    }
  }
  for (const day of changes) if (inRange(day)) candidates.add(day);

  const entries: TimelineEntry[] = [];
  let previous = statusKey(osmsStatusOn(params, facts, addDays(from, -1)));
  for (const on of [...candidates].sort()) {
    const status = osmsStatusOn(params, facts, on);
    const key = statusKey(status);
    const changed = key !== previous;
    previous = key;
    if (changed || monthStarts.has(on))
      entries.push({ on, status, monthStart: monthStarts.has(on), changed });
  }
  return entries;
}
