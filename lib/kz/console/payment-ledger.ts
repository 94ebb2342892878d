import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { LocalDate } from '@/lib/domain/dates';

/** A row of the contributions ledger as the fund's console shows it: retracted rows too, marked. */
export interface LedgerRow {
  id: number;
  payerKind: 'employer' | 'self' | 'state' | 'local-body' | 'lump-sum';
  payerId: string;
  payerName: string | null;
  month: string;
  months: number;
  /** Exact tenge as the database keeps it (`4250.00`). */
  amount: string;
  paidOn: LocalDate;
  paymentReference: string;
  source: string;
  recordedAt: Date;
  retractedAt: Date | null;
}

/**
 * Every payment row ever recorded for the person, newest month first — the standing ones and those a
 * feed retracted later (the status reads only the standing ones; the console shows what was retracted).
 */
export async function paymentLedger(db: Executor, personId: number): Promise<LedgerRow[]> {
  const { rows } = await db.execute<{
    id: string;
    payer_kind: LedgerRow['payerKind'];
    payer_id: string;
    payer_name: string | null;
    month_covered: string;
    months: number;
    amount: string;
    paid_on: string;
    payment_reference: string;
    source: string;
    recorded_at: Date | string;
    retracted_at: Date | string | null;
  }>(sql`
    select id, payer_kind, payer_id, payer_name, month_covered, months, amount::text, paid_on::text,
           payment_reference, source, recorded_at, retracted_at
      from kz_contributions
     where person_id = ${personId}
     order by month_covered desc, paid_on desc, id desc`);
  return rows.map((r) => ({
    id: Number(r.id),
    payerKind: r.payer_kind,
    payerId: r.payer_id,
    payerName: r.payer_name,
    month: r.month_covered,
    months: Number(r.months),
    amount: r.amount,
    paidOn: r.paid_on as LocalDate,
    paymentReference: r.payment_reference,
    source: r.source,
    recordedAt: new Date(r.recorded_at),
    retractedAt: r.retracted_at === null ? null : new Date(r.retracted_at),
  }));
}
