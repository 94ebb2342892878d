import { createHash } from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { Transaction } from '@/db/client';
import * as schema from '@/db/schema';
import { TIME_ZONES } from '@/config/time-zone';
import { systemActor } from '@/lib/auth/actor';
import type { LocalDate } from '@/lib/domain/dates';
import type { OsmsParameters } from '@/lib/domain/kz';
import { endOfDayIn } from '@/lib/domain/zoned-time';
import { registerKzPerson } from '@/lib/kz/persons/register-kz-person';
import {
  registerEventRow,
  type EventEntity,
  type RegisterEventInput,
  type WriteMeta,
} from '@/lib/register/writer';
import { loadKzPopulation, type KzPopulationOptions, type KzPopulationSummary } from './bulk-load';
import { KZ_DEMO_PEOPLE, KZ_DEMO_REPRESENTATIONS, kzDemoFacts } from './demo-people';

const { kzCategoryMemberships, kzContributions, kzTemporaryStatuses, registerEvents, representations } =
  schema;

/**
 * The demo register of Kazakhstan (issue 14): the named demo people (db/seed/kz/demo-people.ts) with their
 * facts, the parent who acts for a child, and `persons − demo` generated persons with 12+ months of
 * contributions each (bulk-load.ts, the population the benchmarks measure). Each demo person enters through
 * the register's use case (`registerKzPerson`, with their residence permits) as of the seeding day, all in
 * one transaction; their payments, category memberships and temporary statuses — facts the agencies' feeds
 * and the clinics bring, dated long before the seeding day — are written straight to the tables with a
 * register event each (ADR 0030), by the seeder. Their status is never stored.
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
  tx: Transaction,
  person: (typeof KZ_DEMO_PEOPLE)[number],
  o: KzSeedOptions,
): Promise<number> {
  // The last instant of the seeding day in Almaty: the use case's "today" is the seeding day.
  const meta: WriteMeta = {
    actor: systemActor('seed'),
    source: SOURCE,
    now: new Date(endOfDayIn(o.asOf, TIME_ZONES.kz).getTime() - 1),
    within: tx,
  };
  const facts = kzDemoFacts(person.key, o.asOf, o.params);
  const { personId: id } = await registerKzPerson(meta, {
    iin: person.iin,
    lastName: person.lastName,
    firstName: person.firstName,
    patronymic: person.patronymic,
    birthDate: person.birthDate,
    sex: person.sex,
    citizenship: person.citizenship,
    residencePermits: facts.residence.kind === 'foreign' ? facts.residence.permits : [],
  });
  const event = (
    entity: EventEntity,
    entityId: number,
    action: RegisterEventInput['action'],
    effective: LocalDate,
    data: unknown,
  ) =>
    tx
      .insert(registerEvents)
      .values(
        registerEventRow(meta, { personId: id, entity, entityId, action, effectiveDate: effective, data }),
      );
  for (const [i, c] of facts.contributions.entries()) {
    const month = c.kind === 'lump-sum' ? c.firstMonth : c.month;
    const [row] = await tx
      .insert(kzContributions)
      .values({
        personId: id,
        payerKind: c.kind,
        payerId: c.payerId,
        payerName: c.payerName,
        monthCovered: month,
        months: c.kind === 'lump-sum' ? c.months : 1,
        amount: String(c.amount),
        paidOn: c.paidOn,
        paymentReference: `DEMO-${person.iin}-${i}`,
        source: SOURCE,
      })
      .returning({ id: kzContributions.id });
    await event('contribution', row!.id, 'contribution.paid', c.paidOn, { month, amount: c.amount });
  }
  for (const m of facts.memberships) {
    const [row] = await tx
      .insert(kzCategoryMemberships)
      .values({
        personId: id,
        category: m.category,
        fromDate: m.from,
        toDate: m.to,
        receivedOn: m.receivedOn,
        source: SOURCE,
      })
      .returning({ id: kzCategoryMemberships.id });
    await event('category', row!.id, 'category.joined', m.from, m);
  }
  for (const t of facts.temporaryStatuses) {
    const byClinic = t.uploadedBy === 'clinic';
    const [row] = await tx
      .insert(kzTemporaryStatuses)
      .values({
        personId: id,
        category: t.category,
        uploadedOn: t.uploadedOn,
        uploadedBy: t.uploadedBy,
        uploaderActorKind: byClinic ? 'clinic' : 'citizen',
        uploaderActorId: byClinic ? 'registrator-kz' : (person.accountSub ?? 'seed'),
        uploaderOrganisation: byClinic ? '750001' : null,
        documentName: 'spravka.pdf',
        documentType: 'application/pdf',
        documentSize: DEMO_CERTIFICATE.length,
        documentSha256: createHash('sha256').update(DEMO_CERTIFICATE).digest('hex'),
        document: DEMO_CERTIFICATE,
      })
      .returning({ id: kzTemporaryStatuses.id });
    await event('temporary_status', row!.id, 'temporary_status.granted', t.uploadedOn, {
      category: t.category,
    });
  }
  return id;
}

/** Writes the demo people (in one transaction), then the generated persons; returns what was loaded. */
export async function seedKzRegister(
  pool: pg.Pool,
  o: KzSeedOptions,
): Promise<Pick<KzPopulationSummary, 'persons' | 'contributions' | 'seconds'> & { demo: number }> {
  const ids = new Map<string, number>();
  await drizzle(pool, { schema }).transaction(async (tx) => {
    for (const person of KZ_DEMO_PEOPLE) ids.set(person.key, await insertDemoPerson(tx, person, o));
    for (const r of KZ_DEMO_REPRESENTATIONS) {
      const child = KZ_DEMO_PEOPLE.find((p) => p.key === r.child)!;
      await tx.insert(representations).values({
        representativeId: ids.get(r.parent)!,
        childId: ids.get(r.child)!,
        kind: 'parent',
        validFrom: child.birthDate,
      });
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
