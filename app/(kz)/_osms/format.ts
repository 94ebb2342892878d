import { formatDateRu } from '@/lib/domain/dates';

const MONTHS = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
] as const;

/** `2025-03` → «март 2025». */
export function monthRu(month: string): string {
  const name = MONTHS[Number(month.slice(5, 7)) - 1] ?? month;
  return `${name} ${month.slice(0, 4)}`;
}

/** ДД.ММ.ГГГГ. */
export function dateRu(date: string): string {
  return formatDateRu(date);
}

/**
 * An amount in tenge as people read it: `12 345,00 ₸` — digits grouped by three with a no-break space,
 * a decimal comma, two decimals. Takes the database's exact text (`12345.00`), never a float.
 */
export function tenge(amount: string): string {
  const [whole = '0', fraction = ''] = amount.trim().replace(/^\+/, '').split('.');
  const negative = whole.startsWith('-');
  const digits = negative ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${negative ? '−' : ''}${grouped},${fraction.padEnd(2, '0').slice(0, 2)}\u00a0₸`;
}
