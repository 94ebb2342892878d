'use server';

import { redirect } from 'next/navigation';
import type { JourneyState } from './journey-state';
import { journeys } from './journeys';

/**
 * The one server action of every journey page. The state the page was rendered with names the journey;
 * the form carries the answers; the actor is the session's. A state naming no journey (a tampered form)
 * goes back to the cabinet.
 */
export async function journeyStep(prev: JourneyState, form: FormData): Promise<JourneyState> {
  const run = journeys.get(prev.journey);
  if (!run) redirect('/lk');
  return run(form);
}
