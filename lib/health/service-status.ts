import type { HealthReport } from './check-health';

/**
 * The health check (the same one /api/health answers machines with) in words for people: is the register
 * answering, and can deadlines be counted by the production calendar this year (and from 1 October the next). Pure: the page
 * renders what this returns.
 */

export type Verdict = 'ok' | 'limited' | 'down';
export type CalendarYearState = 'loaded' | 'incomplete' | 'missing';

export interface CalendarYearVerdict {
  year: number;
  state: CalendarYearState;
  /** The state in two or three words. */
  label: string;
  /** What the state means for the deadlines. */
  text: string;
}

export interface ServiceStatus {
  verdict: Verdict;
  /** The headline: how the service is, in one line. */
  title: string;
  /** What the headline means for a citizen or a clinic. */
  summary: string;
  register: { answering: boolean; text: string };
  /** Null when the register does not answer: the calendar is read from it. */
  calendar: CalendarYearVerdict[] | null;
  checkedAt: Date;
}

const YEAR_WORDS: Record<CalendarYearState, { label: string; text: string }> = {
  loaded: {
    label: 'Загружен',
    text: 'Сроки рассмотрения заявлений считаются с учётом праздников и переносов.',
  },
  incomplete: {
    label: 'Загружен не полностью',
    text: 'Часть праздников и переносов ещё не утверждена: сроки могут сдвинуться.',
  },
  missing: {
    label: 'Не загружен',
    text: 'Сроки считаются по обычной пятидневке, без праздников и переносов.',
  },
};

function yearState(year: number, calendar: NonNullable<HealthReport['calendar']>): CalendarYearState {
  if (calendar.missingYears.includes(year)) return 'missing';
  if (calendar.incompleteYears.includes(year)) return 'incomplete';
  return 'loaded';
}

export function serviceStatus(report: HealthReport): ServiceStatus {
  const checkedAt = new Date(report.checkedAt);
  if (report.database.status === 'down' || !report.calendar) {
    return {
      verdict: 'down',
      title: 'Сервис временно недоступен',
      summary:
        'Регистр не отвечает: личный кабинет, заявления и проверка полиса сейчас не работают. ' +
        'Полис ОМС при этом действует: медицинская помощь оказывается как обычно.',
      register: { answering: false, text: 'Не отвечает' },
      calendar: null,
      checkedAt,
    };
  }
  const calendar = report.calendar;
  const years = calendar.years.map((year) => {
    const state = yearState(year, calendar);
    return { year, state, ...YEAR_WORDS[state] };
  });
  const complete = years.every((y) => y.state === 'loaded');
  return {
    verdict: complete ? 'ok' : 'limited',
    title: complete ? 'Сервис работает' : 'Сервис работает с ограничениями',
    summary: complete
      ? 'Личный кабинет, заявления и проверка полиса работают.'
      : 'Личный кабинет, заявления и проверка полиса работают, но сроки рассмотрения заявлений на часть ' +
        'дат посчитаны без полного производственного календаря.',
    register: { answering: true, text: 'Отвечает' },
    calendar: years,
    checkedAt,
  };
}
