import { randomInt } from 'node:crypto';
import { and, count, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { applications, identityDocuments, notifications, persons } from '@/db/schema';
import { snilsFromBody } from '@/lib/domain/ru/snils';
import { registerPerson, type RegisterPersonInput } from '@/lib/register/register-person';
import { adultInput, metaAt } from '@/testing/register/people';
import type { CitizenActor } from '@/lib/auth/citizen-actor';
import type { VerifiedIdentity } from '@/lib/applications/submit-policy-application';

/** Test citizens: accounts of the identity provider, with or without a register record (all invented). */
let counter = 0;

export function citizen(overrides: Partial<CitizenActor> = {}): CitizenActor {
  counter++;
  return {
    kind: 'citizen',
    id: `test-sub-${process.pid}-${counter}-${randomInt(1_000_000)}`,
    personId: null,
    representedPersonIds: [],
    trusted: true,
    ...overrides,
  };
}

/** A verified account whose holder is in the register (registered as of `iso` by the test system actor). */
export async function registeredCitizen(
  iso = '2026-02-02T09:00:00Z',
  overrides: Partial<RegisterPersonInput> = {},
  actorOverrides: Partial<CitizenActor> = {},
) {
  const input = adultInput(overrides);
  const registered = await registerPerson(input, metaAt(iso));
  return { actor: citizen({ personId: registered.personId, ...actorOverrides }), input, ...registered };
}

/** Verified claims of someone who is not in the register: unique passport and СНИЛС. */
export function newIdentity(overrides: Partial<VerifiedIdentity> = {}): VerifiedIdentity {
  // Born 1960–1979, so a passport issued after the 45th birthday is valid for good and no two are alike.
  const year = randomInt(1960, 1980);
  const birthDate = `${year}-${String(randomInt(1, 13)).padStart(2, '0')}-${String(randomInt(1, 29)).padStart(2, '0')}`;
  const issueDate = `${year + 45}${birthDate.slice(4, 8)}28`;
  return {
    lastName: 'Васильев',
    firstName: 'Андрей',
    patronymic: 'Игоревич',
    birthDate,
    sex: 'M',
    snils: snilsFromBody(randomInt(100_000_000, 900_000_000)),
    birthPlace: 'г. Москва',
    passport: newPassport({ issueDate }),
    ...overrides,
  };
}

/** A passport nobody else holds (a random number), with the given series or issue date. */
export function newPassport(overrides: Partial<NonNullable<VerifiedIdentity['passport']>> = {}) {
  return {
    series: `46 ${String(randomInt(10, 99))}`,
    number: String(randomInt(100_000, 1_000_000)),
    issueDate: '2005-04-01',
    issuer: 'ГУ МВД России по г. Москве',
    ...overrides,
  };
}

/** A child's birth certificate nobody else holds. */
export function newCertificate(
  overrides: Partial<{ series: string; number: string; issueDate: string; zagsName: string }> = {},
) {
  const letters = ['МЮ', 'АК', 'ВЕ', 'ЖР', 'СТ'][randomInt(5)]!;
  return {
    series: `${['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][randomInt(10)]}-${letters}`,
    number: String(randomInt(100_000, 1_000_000)),
    issueDate: '2025-11-20',
    zagsName: 'Отдел ЗАГС Пресненского района г. Москвы',
    ...overrides,
  };
}

/** How many people hold this passport (series as the register stores it, without the space). */
export function countPersonsWithPassport(passport: { series: string; number: string }): Promise<number> {
  return countPersonsWithDocument(14, passport.series.replace(' ', ''), passport.number);
}

export async function countPersonsWithDocument(
  kind: number,
  series: string | null,
  number: string,
): Promise<number> {
  const rows = await getDb()
    .select({ personId: identityDocuments.personId })
    .from(identityDocuments)
    .where(
      and(
        eq(identityDocuments.kind, kind),
        series === null ? isNull(identityDocuments.series) : eq(identityDocuments.series, series),
        eq(identityDocuments.number, number),
      ),
    );
  return new Set(rows.map((r) => r.personId)).size;
}

export async function applicationsOf(sub: string) {
  return getDb().select().from(applications).where(eq(applications.applicantSub, sub));
}

export async function notificationsOf(sub: string) {
  return getDb()
    .select()
    .from(notifications)
    .where(eq(notifications.recipientSub, sub))
    .orderBy(notifications.id);
}

export async function personCount(): Promise<number> {
  const [row] = await getDb().select({ n: count() }).from(persons);
  return row!.n;
}
