import { and, desc, getTableName, isNull, or, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DuplicateSubject } from '@/lib/domain/ru/duplicates';
import { isCreationCandidate, strongMatch } from '@/lib/duplicates/creation-check';
import {
  coverages,
  feedEvents,
  identityDocuments,
  insurers,
  notifications,
  persons,
  registerEvents,
  representations,
  subjects,
} from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { moscowDate, type LocalDate } from '@/lib/domain/dates';
import { generateEnp } from '@/lib/domain/ru/enp';
import { insurerServiceOn } from '@/lib/domain/ru/insurer-service';
import { IssueCollector } from '@/lib/domain/result';
import { personRecipient } from '@/lib/notifications/person-recipient';
import type { CoverageRow } from '@/lib/register/coverage-queries';
import { insurerChoice, insurerRegionTermsTable } from '@/lib/register/directory-queries';
import {
  newPersonEvents,
  newPersonRecordRows,
  newPersonRow,
  duplicateSubjectOf,
  planNewPerson,
  strongMatchesFor,
  type NewPersonPlan,
} from '@/lib/register/register-person';
import { registerEventRow, type WriteMeta } from '@/lib/register/writer';
import { countReceivedMany, feedWriteMeta, recordedDecision } from '../apply-feed-events';
import { eventDocument } from '../effects/context';
import { birthNotice, birthRegistration, motherInsurance } from '../effects/zags';
import type { EventOf } from '../events';
import { checkedRef, namesMatch, personsByName } from '../find-person';
import type { EventOutcome } from '../outcome';
import { anyOf, knownEventIds, type BatchWriter } from './batch-queries';
import { unnestInsert, unnestRows } from './unnest-insert';

/**
 * The bulk import's writer for the hot event kind, ЗАГС births of distinct children: many births in one
 * transaction with a few multi-row statements instead of ~25 round trips each. It writes exactly the rows
 * the one-event path (lib/feeds/effects/zags.ts birthRegistered through registerPerson) writes, from the
 * same pieces — the plan, rows and events of a new person, the mother's insurance, the notice, the dedup
 * record and the freshness counts — and takes only the births whose every check it can decide from rows
 * read in bulk with the same rules: the certificate new to the register and to the batch, the mother
 * found by ЕНП or СНИЛС with her name and birth date agreeing (or by name alone through the one-event
 * path's own lookup, asked once for the whole batch), her policy in force at the birth, the
 * directories accepting her insurer. Every other event of the batch is left (null) to the one-event path.
 */

type Birth = EventOf<'birth.registered'>;

interface Candidate {
  index: number;
  line: number;
  event: Birth;
  meta: WriteMeta;
}

interface Ready extends Candidate {
  motherId: number;
  plan: NewPersonPlan;
  insurerName: string;
}

const certificateKey = (d: { kind: number; series: string | null; number: string }) =>
  `${d.kind}|${d.series ?? ''}|${d.number}`;

/**
 * Writes the births it can decide in bulk; answers an outcome for them (applied or duplicate) and null for
 * the events left to the one-event path. Runs in the caller's transaction.
 */
export const writeBirths: BatchWriter = async (tx, source, items, options) => {
  const out: (EventOutcome | null)[] = items.map(() => null);
  const now = options.now ?? new Date();
  const today = moscowDate(now);
  const known = await knownEventIds(tx, source, items);

  // 1. What each birth needs, checked without the database; repeats within the batch go one by one.
  const seenIds = new Set<string>();
  const certificates = new Map<string, number>();
  const candidates: (Candidate & { doc: { kind: number; series: string | null; number: string } })[] = [];
  items.forEach(({ line, event }, index) => {
    if (event.type !== 'birth.registered') return;
    if (known.has(event.eventId)) {
      out[index] = { line, eventId: event.eventId, type: event.type, status: 'duplicate' };
      return;
    }
    if (seenIds.has(event.eventId)) return;
    seenIds.add(event.eventId);
    let doc;
    try {
      doc = eventDocument({ kind: 3, ...event.data.certificate }, 'data.certificate');
    } catch {
      return;
    }
    if (doc.series === null) return;
    certificates.set(certificateKey(doc), (certificates.get(certificateKey(doc)) ?? 0) + 1);
    candidates.push({ index, line, event, doc, meta: feedWriteMeta(source, event, options) });
  });
  const unique = candidates.filter((c) => certificates.get(certificateKey(c.doc)) === 1);
  if (unique.length === 0) return out;

  // 2. Certificates the register already holds: those births are matched one by one.
  const held = await tx
    .select({
      kind: identityDocuments.kind,
      series: identityDocuments.series,
      number: identityDocuments.number,
    })
    .from(identityDocuments)
    .where(
      sql`(${identityDocuments.kind}, ${identityDocuments.series}, ${identityDocuments.number}) in
          (select * from unnest(${sql.param(unique.map((c) => c.doc.kind))}::smallint[],
                                ${sql.param(unique.map((c) => c.doc.series))}::text[],
                                ${sql.param(unique.map((c) => c.doc.number))}::text[]))`,
    );
  const heldKeys = new Set(held.map(certificateKey));

  // 3. Mothers by ЕНП or СНИЛС read in bulk, their name and birth date agreeing (a mismatch, a merged record:
  //    one by one); mothers known only by name and birth date through the one-event path's own lookup,
  //    asked once for the batch.
  const refs = unique
    .filter((c) => !heldKeys.has(certificateKey(c.doc)))
    .flatMap((c) => {
      try {
        const { name, snils } = checkedRef(c.event.data.mother, 'data.mother');
        return [{ ...c, name, enp: c.event.data.mother.enp ?? null, snils }];
      } catch {
        return [];
      }
    });
  const enps = refs.flatMap((r) => (r.enp ? [r.enp] : []));
  const snilses = refs.flatMap((r) => (!r.enp && r.snils ? [r.snils] : []));
  const found =
    enps.length + snilses.length === 0
      ? []
      : await tx
          .select({
            id: persons.id,
            enp: persons.enp,
            snils: persons.snils,
            mergedIntoId: persons.mergedIntoId,
            lastName: persons.lastName,
            firstName: persons.firstName,
            patronymic: persons.patronymic,
            birthDate: persons.birthDate,
          })
          .from(persons)
          .where(
            or(
              enps.length ? anyOf(persons.enp, enps) : undefined,
              snilses.length ? anyOf(persons.snils, snilses) : undefined,
            ),
          );
  const byEnp = new Map(found.map((p) => [p.enp, p]));
  const bySnils = new Map(found.filter((p) => p.snils).map((p) => [p.snils!, p]));
  const byName = refs.filter((r) => !r.enp && !r.snils);
  const named = await personsByName(
    tx,
    byName.map((r) => r.name),
  );
  const matched: (Candidate & { motherId: number })[] = [];
  byName.forEach((r, i) => {
    const mother = named[i]!;
    if (typeof mother !== 'string') matched.push({ ...r, motherId: mother.id });
  });
  for (const r of refs) {
    if (!r.enp && !r.snils) continue;
    const mother = r.enp ? byEnp.get(r.enp) : bySnils.get(r.snils!);
    if (!mother || mother.mergedIntoId !== null) continue;
    if (mother.birthDate !== r.name.birthDate || !namesMatch(mother, r.name)) continue;
    matched.push({ ...r, motherId: mother.id });
  }
  if (matched.length === 0) return out;

  // 4. Lock the mothers (as registerPerson locks a representative), then their latest periods.
  const motherIds = [...new Set(matched.map((m) => m.motherId))].sort((a, b) => a - b);
  await tx.select({ id: persons.id }).from(persons).where(anyOf(persons.id, motherIds)).for('update');
  const latest = await tx
    .selectDistinctOn([coverages.personId])
    .from(coverages)
    .where(and(anyOf(coverages.personId, motherIds), isNull(coverages.recordedTo)))
    .orderBy(coverages.personId, desc(coverages.validFrom));
  const latestOf = new Map<number, CoverageRow>(latest.map((c) => [c.personId, c]));

  // 5. The directories, read once, decide with the register's rules.
  const subjectCodes = new Set((await tx.select({ code: subjects.code }).from(subjects)).map((s) => s.code));
  const insurerRows = new Map((await tx.select().from(insurers)).map((i) => [i.code, i]));
  const terms = await insurerRegionTermsTable(tx);

  // The checks without the database first, in the order the one-event path applies them (occurredAt,
  // then line), so that of two newborns who are a strong match the same one is refused on both paths.
  const inApplyOrder = [...matched].sort(
    (x, y) => Date.parse(x.event.occurredAt) - Date.parse(y.event.occurredAt) || x.index - y.index,
  );
  const planned = inApplyOrder.flatMap((m) => {
    const insurance = motherInsurance(
      latestOf.get(m.motherId) ?? null,
      m.event.data.child.birthDate as LocalDate,
    );
    if (!insurance) return [];
    if (!can(m.meta.actor, 'person:register', insurance)) return [];
    const c = new IssueCollector();
    const plan = planNewPerson(c, birthRegistration(m.event, m.motherId, insurance), today);
    if (c.issues.length || !plan || !subjectCodes.has(insurance.subjectCode)) return [];
    return [{ ...m, insurance, plan }];
  });
  // Someone in the register this newborn most likely already is: the one-event path refuses it for an
  // operator (the creation-time check, ADR 0023), with the same answer as a birth posted on its own —
  // asked for the whole batch in two statements.
  const registerMatches = await strongMatchesFor(tx, planned);
  const ready: Ready[] = [];
  const batchSubjects: DuplicateSubject[] = [];
  planned.forEach((m, k) => {
    if (registerMatches[k]) return;
    // …or one of this batch's own newborns before it, which the one-event path would have found in the
    // register by then (among the same candidates its statement looks at).
    const subject = duplicateSubjectOf(m.plan, m.meta);
    const earlierMatch = batchSubjects.some(
      (earlier) => isCreationCandidate(subject, earlier) && strongMatch(subject, earlier) !== null,
    );
    if (earlierMatch) return;
    const insurer = insurerRows.get(m.insurance.insurerCode) ?? null;
    const service = insurer
      ? insurerServiceOn(
          terms.get(`${m.insurance.insurerCode}|${m.insurance.subjectCode}`) ?? null,
          m.plan.period.validFrom,
        )
      : null;
    if (insurerChoice(insurer, service).issue) return;
    batchSubjects.push(subject);
    ready.push({ ...m, insurerName: insurer!.nameShort });
  });
  if (ready.length === 0) return out;
  ready.sort((a, b) => a.index - b.index);

  // 6. Each birth's ЕНП serial and the ids of its new rows, taken from their sequences in one round trip
  //    (the rows then go in without answering their ids, one statement after another).
  const sequenceOf = (table: PgTable) => sql`pg_get_serial_sequence(${getTableName(table)}, 'id')::regclass`;
  const allocated = (
    await tx.execute<{ serial: string; id: number; doc: number; cov: number; rep: number }>(
      sql`select nextval('enp_serial_seq')::text as serial, nextval(s.persons) as id,
                 nextval(s.documents) as doc, nextval(s.coverages) as cov, nextval(s.representations) as rep
            from generate_series(1, ${ready.length}),
                 (select ${sequenceOf(persons)} as persons, ${sequenceOf(identityDocuments)} as documents,
                         ${sequenceOf(coverages)} as coverages, ${sequenceOf(representations)} as representations) s`,
    )
  ).rows.map((row, i) => {
    const r = ready[i]!;
    return {
      ...r,
      personId: Number(row.id),
      ids: { document: Number(row.doc), coverage: Number(row.cov), representation: Number(row.rep) },
      enp: generateEnp(r.plan.period.subjectCode, BigInt(row.serial)),
    };
  });

  // 7. One statement claims the events with what became of them (the dedup records, written once) and
  //    forms the persons of the claimed ones: an event a concurrent import or API post claimed first is a
  //    duplicate and forms nobody. The records' person references are checked at the statement's end.
  const claims = unnestRows(
    feedEvents,
    allocated.map((b) => ({
      source,
      eventId: b.event.eventId,
      type: b.event.type,
      occurredAt: new Date(b.event.occurredAt),
      receivedAt: now,
      ...recordedDecision({ status: 'applied', person: { id: b.personId, enp: b.enp } }, b.event, now),
    })),
  );
  const people = unnestRows(
    persons,
    allocated.map((b) => ({ id: b.personId, ...newPersonRow(b.plan, b.enp) })),
  );
  const formed = await tx.execute<{ id: number }>(sql`
    with claimed as (
      insert into ${feedEvents} (${claims.columns}) select * from ${claims.source}
      on conflict do nothing returning ${feedEvents.personId} as person_id)
    insert into ${persons} (${people.columns}) select * from ${people.source}
     where u.id in (select person_id from claimed)
    returning ${persons.id} as id`);
  const formedIds = new Set(formed.rows.map((r) => Number(r.id)));
  const births = allocated.filter((b) => {
    if (formedIds.has(b.personId)) return true;
    out[b.index] = { line: b.line, eventId: b.event.eventId, type: b.event.type, status: 'duplicate' };
    return false;
  });
  if (births.length === 0) return out;

  // 8. The rest of the new persons' records, their events and notices, and the freshness counts: one
  //    statement per table for the whole batch, none answering ids.
  const records = births.map((b) => newPersonRecordRows(b.plan, b.personId));
  const eventRows = births.flatMap((b) =>
    newPersonEvents(b.plan, b.enp, {
      personId: b.personId,
      documentId: b.ids.document,
      coverageId: b.ids.coverage,
      attachmentId: null,
      representationId: b.ids.representation,
    }).map((e) => registerEventRow(b.meta, e)),
  );
  const lastOccurred = new Date(Math.max(...births.map((b) => Date.parse(b.event.occurredAt))));
  await unnestInsert(
    tx,
    identityDocuments,
    records.map((r, i) => ({ id: births[i]!.ids.document, ...r.document })),
  );
  await unnestInsert(
    tx,
    coverages,
    records.map((r, i) => ({ id: births[i]!.ids.coverage, ...r.coverage })),
  );
  await unnestInsert(
    tx,
    representations,
    records.map((r, i) => ({ id: births[i]!.ids.representation, ...r.representation! })),
  );
  await unnestInsert(tx, registerEvents, eventRows);
  await unnestInsert(
    tx,
    notifications,
    births.map((b) => ({
      recipientSub: personRecipient(b.motherId),
      personId: b.personId,
      applicationId: null,
      text: birthNotice(b.event.data.child, b.plan.period.validFrom, b.enp, b.insurerName),
      createdAt: now,
    })),
  );
  await countReceivedMany(tx, source, { applied: births.length, pending: 0, rejected: 0 }, lastOccurred, now);
  for (const b of births) {
    out[b.index] = {
      line: b.line,
      eventId: b.event.eventId,
      type: b.event.type,
      status: 'applied',
      personId: b.personId,
      enp: b.enp,
    };
  }
  return out;
};
