import type { ReactNode } from 'react';
import { onlyIn } from '../../../../_national/jurisdiction-gate';

/**
 * The corrections are Russian law's (documents F011, policy periods, attachments): their pages do not exist
 * in another country's deployment (ADR 0029, 0034) — one check for the folder, as a route group's layout.
 */
export default async function RussianCorrectionsLayout({ children }: { children: ReactNode }) {
  await onlyIn('ru');
  return children;
}
