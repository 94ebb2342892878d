'use server';

import { runJourney } from '../_journey/journey-flow';
import type { JourneyState } from '../_journey/journey-state';
import { policyJourney, type PolicyOutcome, type PolicyView } from './journey';

export type PolicyState = JourneyState<PolicyOutcome, PolicyView>;

export async function policyStep(_prev: PolicyState, form: FormData): Promise<PolicyState> {
  return runJourney(policyJourney, form);
}
