'use server';

import { runJourney } from '../_journey/journey-flow';
import type { JourneyState } from '../_journey/journey-state';
import { attachmentJourney, type AttachmentOutcome, type AttachmentView } from './journey';

export type AttachmentState = JourneyState<AttachmentOutcome, AttachmentView>;

export async function attachmentStep(_prev: AttachmentState, form: FormData): Promise<AttachmentState> {
  return runJourney(attachmentJourney, form);
}
