import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { kzContributions } from '@/db/schema';
import { requirePermission } from '@/lib/auth/permissions';
import type { LocalDate } from '@/lib/domain/dates';
import { checkPayment, samePayment, validateIin, type Payment } from '@/lib/domain/kz';
import { AppError, fieldIssue } from '@/lib/errors';
import type { Affected } from '@/lib/feeds/effects/context';
import type { ContributionPaid, ContributionReversed } from '@/lib/kz/feeds/events';
import { osmsParameters } from '@/lib/kz/parameters';
import { findKzPersonId } from '@/lib/kz/persons/find-kz-person';
import { runWrite, type RegisterEventInput, type WriteMeta, type Writer } from '@/lib/register/writer';

/**
 * The contributions ledger's write use cases (issue 14, ADR 0031): a payment recorded, a payment reversed.
 * Through the one write path (a register event per change, `entity = contribution`), permission first.
 * Idempotent by the payment reference: a payment already recorded under the same reference with the same
 * facts changes nothing (`unchanged`), with other facts it is refused; a reversal of a payment already
 * reversed changes nothing. A payment is an independent row: it locks no person (the unique reference
 * index serialises two writers of one payment), and it leaves the person's record and version as they are.
 */

/** The kz_contributions row of a checked payment (`id` given when the bulk writer took it from the sequence). */
export function contributionRow(personId: number, p: Payment, source: string) {
  return {
    personId,
    payerKind: p.payerKind,
    payerId: p.payerId,
    payerName: p.payerName,
    monthCovered: p.month,
    months: p.months,
    amount: p.amount,
    paidOn: p.paidOn,
    paymentReference: p.reference,
    source,
  };
}

/** The register event of a payment recorded. */
export function contributionPaidEvent(
  personId: number,
  contributionId: number,
  p: Payment,
): RegisterEventInput {
  return {
    personId,
    entity: 'contribution',
    entityId: contributionId,
    action: 'contribution.paid',
    effectiveDate: p.paidOn,
    data: { reference: p.reference, month: p.month, months: p.months, amount: p.amount, payer: p.payerKind },
  };
}

async function personOf(w: Writer, iin: string): Promise<number> {
  const id = await findKzPersonId(w.tx, iin);
  if (id === null) {
    throw new AppError('PERSON_NOT_FOUND', { fields: [fieldIssue('data.iin', 'PERSON_NOT_FOUND')] });
  }
  return id;
}

/** The standing (not reversed) payment with this reference. */
async function standingPayment(w: Writer, reference: string, lock = false) {
  const query = w.tx
    .select()
    .from(kzContributions)
    .where(and(eq(kzContributions.paymentReference, reference), isNull(kzContributions.retractedAt)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** A payment with this reference already standing: the same one (nothing to do) or a conflicting one. */
function judgeStanding(
  standing: NonNullable<Awaited<ReturnType<typeof standingPayment>>>,
  personId: number,
  p: Payment,
): Affected {
  if (!samePayment(standing, personId, p)) {
    throw new AppError('KZ_PAYMENT_REFERENCE_CONFLICT', {
      fields: [fieldIssue('data.reference', 'KZ_PAYMENT_REFERENCE_CONFLICT')],
    });
  }
  return { id: personId, iin: p.iin, unchanged: true };
}

/** Records a payment made to the fund for a person (the payments feed's `contribution.paid`). */
export async function recordContribution(data: ContributionPaid['data'], meta: WriteMeta): Promise<Affected> {
  requirePermission(meta.actor, 'contribution:record');
  return runWrite(meta, async (w) => {
    const checked = checkPayment(osmsParameters(), data, w.today);
    if (!checked.ok) throw AppError.validation(checked.issues);
    const p = checked.value;
    const personId = await personOf(w, p.iin);
    const standing = await standingPayment(w, p.reference);
    if (standing) return judgeStanding(standing, personId, p);
    // A concurrent writer of the same reference: its row wins, and this one is judged against it.
    const [inserted] = await w.tx
      .insert(kzContributions)
      .values(contributionRow(personId, p, meta.source))
      .onConflictDoNothing({
        target: kzContributions.paymentReference,
        where: isNull(kzContributions.retractedAt),
      })
      .returning({ id: kzContributions.id });
    if (!inserted) return judgeStanding((await standingPayment(w, p.reference))!, personId, p);
    await w.record(contributionPaidEvent(personId, inserted.id, p));
    return { id: personId, iin: p.iin };
  });
}

/**
 * Reverses a payment (returned or corrected at the payer's bank): it stops counting from now in record time
 * (`retracted_at`), the row stays. A reversal that arrives before its payment waits for it
 * (KZ_PAYMENT_NOT_FOUND); one of a payment already reversed changes nothing.
 */
export async function reverseContribution(
  data: ContributionReversed['data'],
  meta: WriteMeta,
): Promise<Affected> {
  requirePermission(meta.actor, 'contribution:record');
  return runWrite(meta, async (w) => {
    const iin = validateIin(data.iin, 'data.iin');
    const issues = iin.ok ? [] : iin.issues;
    if (data.reversedOn > w.today) issues.push(fieldIssue('data.reversedOn', 'DATE_IN_FUTURE'));
    if (!iin.ok || issues.length) throw AppError.validation(issues);
    const personId = await personOf(w, iin.value.iin);
    const standing = await standingPayment(w, data.reference, true);
    if (!standing) {
      const [reversed] = await w.tx
        .select({ personId: kzContributions.personId })
        .from(kzContributions)
        .where(
          and(eq(kzContributions.paymentReference, data.reference), isNotNull(kzContributions.retractedAt)),
        )
        .orderBy(desc(kzContributions.retractedAt))
        .limit(1);
      if (reversed?.personId === personId) return { id: personId, iin: iin.value.iin, unchanged: true };
      throw new AppError('KZ_PAYMENT_NOT_FOUND', {
        fields: [fieldIssue('data.reference', 'KZ_PAYMENT_NOT_FOUND')],
      });
    }
    if (standing.personId !== personId) {
      throw new AppError('KZ_PAYMENT_OTHER_PERSON', {
        fields: [fieldIssue('data.iin', 'KZ_PAYMENT_OTHER_PERSON')],
      });
    }
    await w.tx
      .update(kzContributions)
      .set({ retractedAt: sql`${await w.recordTime()}` })
      .where(eq(kzContributions.id, standing.id));
    await w.record({
      personId,
      entity: 'contribution',
      entityId: standing.id,
      action: 'contribution.reversed',
      effectiveDate: data.reversedOn as LocalDate,
      data: { reference: data.reference },
    });
    return { id: personId, iin: iin.value.iin };
  });
}
