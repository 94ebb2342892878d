import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { LocalDate } from '@/lib/domain/dates';
import type { OsmsParameters } from '@/lib/domain/kz';
import { inTransaction } from '../transaction';
import { loadKzPopulation, type KzPopulationOptions, type KzPopulationSummary } from './bulk-load';
import { KZ_DEMO_PEOPLE, KZ_DEMO_REPRESENTATIONS, kzDemoFacts } from './demo-people';

/**
 * The demo register of Kazakhstan (issue 14): the named demo people (db/seed/kz/demo-people.ts) with their
 * facts, the parent who acts for a child, and `persons − demo` generated persons with 12+ months of
 * contributions each (bulk-load.ts, the population the benchmarks measure). Written straight to the tables like the Russian seeder (ADR 0030): the register
 * events of the demo people say what was recorded, by the seeder, and their status is never stored.
 */
export interface KzSeedOptions {
  /** Persons in the register after the seed, the demo people included. */
  persons: number;
  seed: number;
  asOf: LocalDate;
  params: OsmsParameters;
  onProgress?: KzPopulationOptions['onProgress'];
}

/** A one-page PDF standing for a scanned certificate: the demo temporary statuses' document. */
export const DEMO_CERTIFICATE = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
    'trailer<</Root 1 0 R>>\n%%EOF\n',
);

const SOURCE = 'seed';

async function insertDemoPerson(
  client: pg.PoolClient,
  person: (typeof KZ_DEMO_PEOPLE)[number],
  o: KzSeedOptions,
): Promise<number> {
  const { rows } = await client.query<{ id: string }>(
    `insert into persons (jurisdiction, iin, last_name, first_name, patronymic, sex, birth_date, citizenship)
     values ('kz', $1, $2, $3, $4, $5, $6, $7) returning id`,
    [
      person.iin,
      person.lastName,
      person.firstName,
      person.patronymic,
      person.sex,
      person.birthDate,
      person.citizenship,
    ],
  );
  const id = Number(rows[0]!.id);
  const event = (entity: string, entityId: number, action: string, effective: string, data: unknown) =>
    client.query(
      `insert into register_events (person_id, entity, entity_id, action, effective_date, actor_kind, actor_id, source, data)
       values ($1, $2, $3, $4, $5, 'system', 'seed', $6, $7)`,
      [id, entity, entityId, action, effective, SOURCE, JSON.stringify(data)],
    );
  await event('person', id, 'person.registered', o.asOf, {
    iin: person.iin,
    citizenship: person.citizenship,
  });
  const facts = kzDemoFacts(person.key, o.asOf, o.params);
  for (const [i, c] of facts.contributions.entries()) {
    const month = c.kind === 'lump-sum' ? c.firstMonth : c.month;
    const { rows: r } = await client.query<{ id: string }>(
      `insert into kz_contributions (person_id, payer_kind, payer_id, payer_name, month_covered, months, amount,
         paid_on, payment_reference, source)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
      [
        id,
        c.kind,
        c.payerId,
        c.payerName,
        month,
        c.kind === 'lump-sum' ? c.months : 1,
        c.amount,
        c.paidOn,
        `DEMO-${person.iin}-${i}`,
        SOURCE,
      ],
    );
    await event('contribution', Number(r[0]!.id), 'contribution.paid', c.paidOn, { month, amount: c.amount });
  }
  for (const m of facts.memberships) {
    const { rows: r } = await client.query<{ id: string }>(
      `insert into kz_category_memberships (person_id, category, from_date, to_date, received_on, source)
       values ($1, $2, $3, $4, $5, $6) returning id`,
      [id, m.category, m.from, m.to, m.receivedOn, SOURCE],
    );
    await event('category', Number(r[0]!.id), 'category.joined', m.from, m);
  }
  for (const t of facts.temporaryStatuses) {
    const { rows: r } = await client.query<{ id: string }>(
      `insert into kz_temporary_statuses (person_id, category, uploaded_on, uploaded_by, uploader_actor_kind,
         uploader_actor_id, uploader_organisation, document_name, document_type, document_size, document_sha256, document)
       values ($1, $2, $3, $4, $5, $6, $7, 'spravka.pdf', 'application/pdf', $8, $9, $10) returning id`,
      [
        id,
        t.category,
        t.uploadedOn,
        t.uploadedBy,
        t.uploadedBy === 'clinic' ? 'clinic' : 'citizen',
        t.uploadedBy === 'clinic' ? 'registrator-kz' : (person.accountSub ?? 'seed'),
        t.uploadedBy === 'clinic' ? '750001' : null,
        DEMO_CERTIFICATE.length,
        createHash('sha256').update(DEMO_CERTIFICATE).digest('hex'),
        DEMO_CERTIFICATE,
      ],
    );
    await event('temporary_status', Number(r[0]!.id), 'temporary_status.granted', t.uploadedOn, {
      category: t.category,
    });
  }
  if (facts.residence.kind === 'foreign') {
    for (const p of facts.residence.permits) {
      const { rows: r } = await client.query<{ id: string }>(
        `insert into kz_residence_permits (person_id, basis, from_date, to_date, source) values ($1, $2, $3, $4, $5) returning id`,
        [id, p.basis, p.from, p.to, SOURCE],
      );
      await event('residence', Number(r[0]!.id), 'residence.recorded', p.from, p);
    }
  }
  return id;
}

/** Writes the demo people (in one transaction), then the generated persons; returns what was loaded. */
export async function seedKzRegister(
  pool: pg.Pool,
  o: KzSeedOptions,
): Promise<Pick<KzPopulationSummary, 'persons' | 'contributions' | 'seconds'> & { demo: number }> {
  const ids = new Map<string, number>();
  await inTransaction(pool, async (client) => {
    for (const person of KZ_DEMO_PEOPLE) ids.set(person.key, await insertDemoPerson(client, person, o));
    for (const r of KZ_DEMO_REPRESENTATIONS) {
      const child = KZ_DEMO_PEOPLE.find((p) => p.key === r.child)!;
      await client.query(
        `insert into representations (representative_id, child_id, kind, valid_from) values ($1, $2, 'parent', $3)`,
        [ids.get(r.parent), ids.get(r.child), child.birthDate],
      );
    }
  });
  const generated = Math.max(0, o.persons - KZ_DEMO_PEOPLE.length);
  // The one generator of synthetic ОСМС persons (the benchmarks' too), after the demo people's ids and ИИН.
  const bulk =
    generated > 0
      ? await loadKzPopulation(pool, {
          persons: generated,
          seed: o.seed,
          asOf: o.asOf,
          append: true,
          onProgress: o.onProgress,
        })
      : { persons: 0, contributions: 0, seconds: 0 };
  return { ...bulk, demo: KZ_DEMO_PEOPLE.length };
}
