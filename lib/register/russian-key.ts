import { sql } from 'drizzle-orm';
import { persons } from '@/db/schema';

/**
 * The ЕНП as the Russian register's code reads it. Since migration 0020 `persons.enp` is nullable in the
 * schema (a Kazakh person has an ИИН instead, ADR 0029), but the check `persons_national_key` makes it
 * non-null for every Russian person — and a Russian deployment holds Russian persons only (the foreign key
 * to register_settings). These two narrow it once, where Russian code reads persons.
 */
export const personEnp = sql<string>`${persons.enp}`;

/** A person row's ЕНП; a row without one is not a Russian person and never reaches Russian code. */
export function enpOf(person: { id: number; enp: string | null }): string {
  if (person.enp === null) {
    throw new Error(`person ${person.id} has no ЕНП: not a person of the Russian register (ADR 0029)`);
  }
  return person.enp;
}
