import { randomBytes } from 'node:crypto';
import { getDb } from '../../db/client';
import { syntheticKzCitizen } from '../../lib/auth/esia-dev/synthetic-kz-citizens';
import type { OsmsFacts } from '../../lib/domain/kz';
import { createKzPerson, type KzTestPerson } from '../../testing/kz/register';
import { connectTestDatabase } from '../support/people';

/**
 * People of a test's own in Kazakhstan's register: a synthetic eGov account from a fresh seed and, behind
 * it, the register's person with that ИИН and the facts the test needs, made in the server's database with
 * the integration tests' fixture. Nobody else touches them, so a test may upload for them freely.
 */
export interface OwnKzPerson extends KzTestPerson {
  seed: string;
  name: string;
}

export async function newKzPerson(facts: Partial<OsmsFacts> = {}): Promise<OwnKzPerson> {
  connectTestDatabase();
  const account = syntheticKzCitizen(randomBytes(8).toString('hex'));
  const person = await createKzPerson(getDb(), {
    iin: account.iin,
    name: { lastName: account.familyName, firstName: account.givenName, patronymic: account.middleName },
    facts,
  });
  return {
    ...person,
    seed: account.key,
    name: [account.familyName, account.givenName, account.middleName].join(' '),
  };
}
