'use server';

import { runJourney } from '../_journey/journey-flow';
import type { JourneyState } from '../_journey/journey-state';
import { childJourney, type ChildOutcome, type ChildView } from './journey';

export type ChildState = JourneyState<ChildOutcome, ChildView>;

export async function childStep(_prev: ChildState, form: FormData): Promise<ChildState> {
  return runJourney(childJourney, form);
}
