import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { moscowDate, type LocalDate } from '@/lib/domain/dates';
import { insurersServingRegion } from '@/lib/register/directory-queries';
import { requireCitizen, type UseCaseOptions } from '@/lib/auth/citizen-actor';
import { findRegion, listRegions, toInsurerView, type InsurerView, type RegionView } from './directory-views';

export interface PolicyApplicationOptionsInput {
  /** The region chosen so far (to list its insurers); absent on the first question. */
  subjectCode?: string | null;
}

export interface PolicyApplicationOptions {
  /** Every subject of the RF, by name. */
  regions: RegionView[];
  /** The chosen region, when valid. */
  chosenRegion: RegionView | null;
  /** Insurers serving the chosen region today (empty until one is chosen). */
  insurers: InsurerView[];
  asOf: LocalDate;
}

/**
 * What the form of journey 1 offers to someone who may not be in the register yet: the regions, and the
 * insurers serving the one chosen. Public directory data, but only a signed-in citizen asks for it here.
 */
export async function policyApplicationOptions(
  input: PolicyApplicationOptionsInput,
  actor: Actor,
  options: UseCaseOptions = {},
): Promise<PolicyApplicationOptions> {
  requireCitizen(actor);
  const today = moscowDate(options.now ?? new Date());
  const db = getDb();
  const code = input.subjectCode?.trim() ?? '';
  const [regions, chosenRegion] = await Promise.all([
    listRegions(db),
    /^\d{2}$/.test(code) ? findRegion(db, code) : null,
  ]);
  const insurers = chosenRegion
    ? (await insurersServingRegion(db, chosenRegion.code, today)).map(toInsurerView)
    : [];
  return { regions, chosenRegion, insurers, asOf: today };
}
