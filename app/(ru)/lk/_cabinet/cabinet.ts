import { formatMoscowDateTime } from '@/lib/applications/labels';
import { formatDateRu } from '@/lib/domain/dates';
import { isAppError } from '@/lib/errors';

/** What Next hands a page as its query string. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export { signedInCitizen } from '@/app/_components/citizen/signed-in';

export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The person a page is about, as chosen in the query string (`?chelovek=<id>`): undefined for the citizen
 * themselves. It is only a choice: the use case decides whether the citizen may see that person, so
 * anything that is not a plain id is passed on as NaN and refused there like any other stranger's id.
 */
export function personChoice(value: string | string[] | undefined): number | undefined {
  const raw = firstParam(value)?.trim();
  if (!raw) return undefined;
  return /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN;
}

/** `?chelovek=<id>` for a chosen person, or nothing for the citizen themselves. */
export function personQuery(personId: number | undefined, self: boolean): string {
  return self || personId === undefined ? '' : `?chelovek=${personId}`;
}

/** ДД.ММ.ГГГГ. */
export function dateRu(date: string): string {
  return formatDateRu(date);
}

/** ДД.ММ.ГГГГ, ЧЧ:ММ in Moscow time. */
export function dateTimeRu(instant: Date): string {
  return formatMoscowDateTime(instant);
}

/** A refusal the page shows instead of the data: the use case's code and its Russian message. */
export interface Refusal {
  code: string;
  title: string;
  message: string;
  /** The citizen is not in the register yet: point them to journey 1. */
  notInRegister: boolean;
}

/**
 * Turns a use case's catalogued error into what the page says; anything else is a bug and goes on to
 * Next's error page (logged, never shown raw).
 */
export function refusalFrom(error: unknown): Refusal {
  if (!isAppError(error)) throw error;
  const reason = typeof error.details.reason === 'string' ? error.details.reason : null;
  const notInRegister = reason === 'not_in_register';
  const title =
    error.code === 'FORBIDDEN'
      ? 'Нет доступа'
      : notInRegister
        ? 'Вас пока нет в регистре'
        : error.code === 'NOT_FOUND' || error.code === 'PERSON_NOT_FOUND'
          ? 'Не найдено'
          : 'Не удалось показать сведения';
  return { code: error.code, title, message: error.message, notInRegister };
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

/**
 * A use case's answer or its refusal, so a page can ask several use cases at once (one round of queries
 * instead of one after another) and still show a refusal in words. Bugs still reach the error page.
 */
export function settle<T>(promise: Promise<T>): Promise<Outcome<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, refusal: refusalFrom(error) }),
  );
}
