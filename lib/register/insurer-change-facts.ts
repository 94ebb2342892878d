import type { Executor } from '@/db/client';
import type { LocalDate } from '@/lib/domain/dates';
import type { InsurerChangeBasis, InsurerChangeFacts } from '@/lib/domain/ru/insurer-change';
import { personEvents } from './attachment-facts';
import type { CoverageRow } from './coverage-queries';
import { insurerServiceInRegion } from './directory-queries';

interface CoverageEventData {
  basis?: InsurerChangeBasis;
}

/**
 * The facts the insurer-change rule needs, read from the person's register history: earlier changes
 * with their basis, and moves. The insurer chosen with a move is part of the move (ADR 0005): the move
 * still unlocks one extra change afterwards.
 */
export async function loadInsurerChangeFacts(
  db: Executor,
  personId: number,
  latest: CoverageRow,
  today: LocalDate,
): Promise<InsurerChangeFacts> {
  const events = await personEvents(db, personId, [
    'coverage.insurer_changed',
    'coverage.region_changed',
    'person.moved',
  ]);
  const changes: InsurerChangeFacts['changes'][number][] = [];
  const moves: LocalDate[] = [];
  for (const e of events) {
    const date = e.effectiveDate as LocalDate;
    const data = (e.data ?? {}) as CoverageEventData;
    if (e.action === 'coverage.insurer_changed') changes.push({ date, basis: data.basis ?? 'annual' });
    else {
      // Choosing an insurer in the new region is part of the move, not the extra change it unlocks.
      moves.push(date);
    }
  }
  const service = await insurerServiceInRegion(db, latest.insurerCode, latest.subjectCode, today);
  return { today, changes, moves, insurerLeavingRegion: !service.serves || service.leavingOn !== null };
}
