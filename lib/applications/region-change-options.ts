import type { Actor } from '@/lib/auth/actor';
import type { LocalDate } from '@/lib/domain/dates';
import { findInsurer, insurersServingRegion } from '@/lib/register/directory-queries';
import type { UseCaseOptions } from '@/lib/auth/citizen-actor';
import { citizenSubjectRequest } from './citizen-context';
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
  const { today, db, personId, latest } = await citizenSubjectRequest(actor, input.subjectPersonId, options);
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
