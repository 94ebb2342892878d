'use server';

import type { DecidedOutcome } from '../_journey/decided';
import { runJourney } from '../_journey/journey-flow';
import type { JourneyState } from '../_journey/journey-state';
import { renewalJourney } from './journey';

export type RenewalState = JourneyState<DecidedOutcome, null>;

export async function renewalStep(_prev: RenewalState, form: FormData): Promise<RenewalState> {
  return runJourney(renewalJourney, form);
}
