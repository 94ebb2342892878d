import { attachmentJourney } from '../poliklinika/journey';
import { childJourney } from '../rebenok/journey';
import { insurerChangeJourney } from '../smena-smo/journey';
import { policyJourney } from '../poluchit-polis/journey';
import { regionChangeJourney } from '../pereezd/journey';
import { renewalJourney } from '../vozobnovit/journey';
import { suspensionJourney } from '../priostanovit/journey';
import { runJourney, type JourneySpec } from './journey-flow';
import type { JourneyState } from './journey-state';

type Run = (form: FormData) => Promise<JourneyState>;

function entry<C, R, V>(spec: JourneySpec<C, R, V>): [string, Run] {
  return [spec.id, (form) => runJourney(spec, form)];
}

/** Every journey of the portal by its id (the server half; the screens are registered in screens.ts). */
export const journeys: ReadonlyMap<string, Run> = new Map([
  entry(policyJourney),
  entry(childJourney),
  entry(insurerChangeJourney),
  entry(regionChangeJourney),
  entry(suspensionJourney),
  entry(renewalJourney),
  entry(attachmentJourney),
]);
