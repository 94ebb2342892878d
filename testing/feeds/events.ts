import type { AnyFeedSource } from '@/lib/feeds/events';
import type { EventOf, FeedEventType, PersonRef } from '@/lib/feeds/events';
import type { ParsedEvent } from '@/lib/feeds/outcome';
import { snilsFromBody } from '@/lib/domain/ru/snils';
import { registerPerson } from '@/lib/register/register-person';
import { adultInput, metaAt } from '@/testing/register/people';

/** Builders of synthetic agency events (never real persons), unique per test process. */
let counter = 0;
const unique = () => process.pid * 1000 + ++counter;

export const uniqueId = (prefix: string) => `${prefix}-${unique()}`;

/** Six digits for a document number, different each call. */
export const docNumber = () => String(100000 + (unique() % 899_999));

/** A fresh valid СНИЛС. */
export const freshSnils = () => snilsFromBody(100_000_000 + (unique() % 800_000_000));

type Data<T extends FeedEventType> = EventOf<T>['data'];

export function event<T extends FeedEventType>(
  type: T,
  data: Data<T>,
  occurredAt = '2026-03-01T10:00:00+03:00',
): EventOf<T> {
  return { eventId: uniqueId(type), type, occurredAt, data } as EventOf<T>;
}

export const lines = (...events: EventOf<FeedEventType>[]): ParsedEvent[] =>
  events.map((e, i) => ({ line: i + 1, event: e }));

export function refOf(p: {
  enp?: string | null;
  lastName: string;
  firstName: string;
  patronymic?: string | null;
  birthDate: string;
}): PersonRef {
  return {
    enp: p.enp ?? null,
    lastName: p.lastName,
    firstName: p.firstName,
    patronymic: p.patronymic ?? null,
    birthDate: p.birthDate,
  };
}

export function birth(mother: PersonRef, child: Partial<Data<'birth.registered'>['child']> = {}) {
  return event('birth.registered', {
    child: {
      lastName: 'Смирнов',
      firstName: 'Пётр',
      patronymic: 'Андреевич',
      sex: 'M',
      birthDate: '2026-02-20',
      birthPlace: 'г. Москва',
      ...child,
    },
    certificate: {
      series: 'IV-МЮ',
      number: docNumber(),
      issueDate: '2026-02-25',
      issuer: 'Отдел ЗАГС Москвы № 7',
    },
    region: '77',
    mother,
  });
}

export const sourceOf: Record<FeedEventType, AnyFeedSource> = {
  'birth.registered': 'zags',
  'death.registered': 'zags',
  'name.changed': 'zags',
  'citizenship.acquired': 'mvd',
  'passport.issued': 'mvd',
  'passport.replaced': 'mvd',
  'residence-permit.issued': 'mvd',
  'residence-permit.annulled': 'mvd',
  'service.started': 'military',
  'service.ended': 'military',
  'contribution.paid': 'payments',
  'contribution.reversed': 'payments',
  'category.joined': 'categories',
  'category.left': 'categories',
};

/** An adult registered through the register's use case, and how an agency refers to her (with ЕНП). */
export async function registeredRef(): Promise<PersonRef> {
  const input = adultInput();
  const r = await registerPerson(input, metaAt('2026-01-20T09:00:00Z'));
  return refOf({ ...input.person, enp: r.enp });
}
