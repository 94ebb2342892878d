'use server';

import { runJourney } from '../_journey/journey-flow';
import type { JourneyState } from '../_journey/journey-state';
import { regionChangeJourney, type RegionChangeOutcome, type RegionChangeView } from './journey';

export type RegionChangeState = JourneyState<RegionChangeOutcome, RegionChangeView>;

export async function regionChangeStep(_prev: RegionChangeState, form: FormData): Promise<RegionChangeState> {
  return runJourney(regionChangeJourney, form);
}
