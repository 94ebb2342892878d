import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { moscowDate, type LocalDate } from '@/lib/domain/dates';
import { latestCoverage } from '@/lib/register/coverage-queries';
import { findInsurer, insurersServingRegion } from '@/lib/register/directory-queries';
import { citizenContext, resolveSubject, type UseCaseOptions } from '@/lib/auth/citizen-actor';
import { findRegion, listRegions, toInsurerView, type InsurerView, type RegionView } from './directory-views';

export interface RegionChangeOptionsInput {
  subjectPersonId?: number | null;
  /** The region chosen so far (to list its insurers); absent on the first page. */
  subjectCode?: string | null;
}

export interface RegionChangeOptions {
  personId: number;
  currentRegion: RegionView | null;
  currentInsurer: InsurerView | null;
  /** Every subject of the RF except the current one, by name. */
  regions: RegionView[];
  /** The chosen region, when valid. */
  chosenRegion: RegionView | null;
  /** Insurers serving the chosen region today (empty until one is chosen). */
  insurers: InsurerView[];
  /** The current insurer works in the chosen region too: it can be kept. */
  currentInsurerServesChosen: boolean;
  asOf: LocalDate;
}

/** What the region-change form offers: the regions, and the insurers of the region chosen. */
export async function regionChangeOptions(
  input: RegionChangeOptionsInput,
  actor: Actor,
  options: UseCaseOptions = {},
): Promise<RegionChangeOptions> {
  const now = options.now ?? new Date();
  const today = moscowDate(now);
  const db = getDb();
  const ctx = await citizenContext(actor, now);
  const personId = resolveSubject(ctx, input.subjectPersonId);
  const latest = await latestCoverage(db, personId);
  const [currentRegion, currentInsurerRow, regions] = await Promise.all([
    latest ? findRegion(db, latest.subjectCode) : null,
    latest ? findInsurer(db, latest.insurerCode) : null,
    listRegions(db),
  ]);
  const code = input.subjectCode?.trim() ?? '';
  const chosenRegion = /^\d{2}$/.test(code) ? await findRegion(db, code) : null;
  const insurers = chosenRegion
    ? (await insurersServingRegion(db, chosenRegion.code, today)).map(toInsurerView)
    : [];
  return {
    personId,
    currentRegion,
    currentInsurer: currentInsurerRow ? toInsurerView(currentInsurerRow) : null,
    regions: regions.filter((r) => r.code !== latest?.subjectCode),
    chosenRegion,
    insurers,
    currentInsurerServesChosen: latest !== null && insurers.some((i) => i.code === latest.insurerCode),
    asOf: today,
  };
}
