import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { embeddedUrlFile } from '../../db/runtime';
import { systemActor } from '../../lib/auth/actor';
import { syntheticCitizen } from '../../lib/auth/esia-dev/synthetic-citizens';
import { fullName } from '../../lib/auth/esia-dev/test-citizens';
import { changeInsurer } from '../../lib/register/change-insurer';
import { registerPerson, type RegisterPersonInput } from '../../lib/register/register-person';
import type { WriteMeta } from '../../lib/register/writer';
import { e2eDataDir } from './data-dir';

/**
 * People of a test's own (epic-stack's insertNewUser): a synthetic ЕСИА identity from a fresh seed, and —
 * unless the test wants someone the register does not know — that person registered through the register's
 * own use cases in the browser tests' database. The test then signs in as them with `signInAsSynthetic`
 * (e2e/support/citizen.ts). Nobody else touches the person, so a test may change them freely; the demo
 * people stay as seeded (read-only for tests, see e2e/README.md).
 */
export interface OwnIdentity {
  seed: string;
  name: string;
  /** `YYYY-MM-DD` */
  birthDate: string;
}

export interface OwnPerson extends OwnIdentity {
  personId: number;
  enp: string;
}

/** A verified identity nobody has used: not in the register. */
export function newIdentity(): OwnIdentity {
  const c = syntheticCitizen(randomBytes(8).toString('hex'));
  return { seed: c.key, name: fullName(c), birthDate: c.birthdate! };
}

/** The use cases run in this worker against the server's database (the embedded one writes its URL down). */
export function connectTestDatabase(): void {
  if (process.env.DATABASE_URL) return;
  const url = process.env.E2E_DATABASE_URL || readFileSync(embeddedUrlFile(e2eDataDir()), 'utf8').trim();
  process.env.DATABASE_URL = url;
  process.env.DATABASE_POOL_MAX ??= '2';
}

const meta = (now = new Date()): WriteMeta => ({ actor: systemActor('e2e-fixture'), source: 'test', now });

export interface NewPersonOptions {
  /** The insurer (default 77001, which stays in Moscow); 77004 leaves Moscow at the end of this year. */
  insurerCode?: string;
  /** The polyclinic (default 770001 «ГБУЗ «ГП № 1»»); null for none. */
  moCode?: string | null;
  /** Insured since (default 15 January of last year). */
  since?: string;
}

/** What `registerPerson` takes for a synthetic citizen: their data and passport, insured in Moscow. */
export function syntheticRegistration(
  c: ReturnType<typeof syntheticCitizen>,
  options: NewPersonOptions = {},
): RegisterPersonInput {
  return {
    person: {
      lastName: c.familyName,
      firstName: c.givenName,
      patronymic: c.middleName,
      sex: c.gender === 'male' ? 'M' : 'F',
      birthDate: c.birthdate!,
      snils: c.snils!,
    },
    document: {
      kind: 14,
      series: c.passport!.series,
      number: c.passport!.number,
      issueDate: c.passportIssued,
      issuer: 'ГУ МВД России по г. Москве',
    },
    coverage: {
      insurerCode: options.insurerCode ?? '77001',
      subjectCode: '77',
      reason: 'new_policy',
      on: options.since ?? `${new Date().getUTCFullYear() - 1}-01-15`,
    },
    attachment: options.moCode === null ? null : { moCode: options.moCode ?? '770001' },
  };
}

/** A person of the test's own: insured in Moscow, registered through `registerPerson`. */
export async function newPerson(options: NewPersonOptions = {}): Promise<OwnPerson> {
  connectTestDatabase();
  const identity = newIdentity();
  const registered = await registerPerson(
    syntheticRegistration(syntheticCitizen(identity.seed), options),
    meta(),
  );
  return { ...identity, personId: registered.personId, enp: registered.enp };
}

/**
 * Records this year's yearly change of insurer (to 77002), dated `on` (ISO, on or before 1 November): after
 * it the register refuses another change until 1 January.
 */
export async function changedInsurerOn(person: OwnPerson, on: string): Promise<void> {
  connectTestDatabase();
  await changeInsurer(
    { personId: person.personId, insurerCode: '77002' },
    meta(new Date(`${on}T09:00:00+03:00`)),
  );
}
