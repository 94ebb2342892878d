import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';

/**
 * The corrections are Russian law's (documents F011, policy periods, attachments): their pages do not exist
 * in another country's deployment (ADR 0029, 0034). One check for the folder, as a route group's layout.
 */
export default function RussianCorrectionsLayout({ children }: { children: ReactNode }) {
  if (jurisdictionProfile().id !== 'ru') notFound();
  return children;
}
