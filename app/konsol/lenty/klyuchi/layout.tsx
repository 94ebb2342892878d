import type { ReactNode } from 'react';
import { requireConsolePage } from '../../_shell/require-section';

/** Feed keys are the federal fund's to issue (feed_key:manage); others get the 403 page from here. */
export default async function FeedKeysLayout({ children }: { children: ReactNode }) {
  await requireConsolePage('/konsol/lenty/klyuchi', 'feed_key:manage');
  return children;
}
