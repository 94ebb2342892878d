'use server';

import { runJourney } from '../_journey/journey-flow';
import type { JourneyState } from '../_journey/journey-state';
import { suspensionJourney, type SuspensionOutcome, type SuspensionView } from './journey';

export type SuspensionState = JourneyState<SuspensionOutcome, SuspensionView>;

export async function suspensionStep(_prev: SuspensionState, form: FormData): Promise<SuspensionState> {
  return runJourney(suspensionJourney, form);
}
