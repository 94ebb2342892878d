import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { attachments, registerEvents } from '@/db/schema';
import { attachmentEligibility } from '@/lib/domain/ru/attachment-change';
import type { LocalDate } from '@/lib/domain/dates';

/** A person's register events of the given kinds: what the change rules count (changes, moves). */
export async function personEvents(db: Executor, personId: number, actions: string[]) {
  return db
    .select({
      action: registerEvents.action,
      effectiveDate: registerEvents.effectiveDate,
      data: registerEvents.data,
    })
    .from(registerEvents)
    .where(and(eq(registerEvents.personId, personId), inArray(registerEvents.action, actions)));
}

/**
 * The person's current attachment and whether they may change clinic today, read the one way both the
 * clinic choice shows it and the attachment itself judges it (the rule lives in lib/domain).
 */
export async function loadAttachmentFacts(db: Executor, personId: number, today: LocalDate) {
  const [current] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.personId, personId), isNull(attachments.validTo)))
    .orderBy(desc(attachments.validFrom))
    .limit(1);
  const history = await personEvents(db, personId, [
    'attachment.changed',
    'coverage.region_changed',
    'person.moved',
  ]);
  const changes = history
    .filter(
      (e) => e.action === 'attachment.changed' && (e.data as { basis?: string } | null)?.basis === 'annual',
    )
    .map((e) => ({ date: e.effectiveDate as LocalDate }));
  const lastMove =
    (history
      .filter((e) => e.action !== 'attachment.changed')
      .map((e) => e.effectiveDate)
      .sort()
      .at(-1) as LocalDate | undefined) ?? null;
  return {
    current: current ?? null,
    eligibility: attachmentEligibility({
      today,
      lastAttachedOn: (current?.validFrom as LocalDate | undefined) ?? null,
      changes,
      lastMove,
    }),
  };
}
