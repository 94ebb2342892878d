'use server';

import { runJourney } from '../_journey/journey-flow';
import type { JourneyState } from '../_journey/journey-state';
import { insurerChangeJourney, type InsurerChangeOutcome, type InsurerChangeView } from './journey';

export type InsurerChangeState = JourneyState<InsurerChangeOutcome, InsurerChangeView>;

export async function insurerChangeStep(
  _prev: InsurerChangeState,
  form: FormData,
): Promise<InsurerChangeState> {
  return runJourney(insurerChangeJourney, form);
}
