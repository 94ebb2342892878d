import type { ReactNode } from 'react';
import { requireSection } from '../_shell/require-section';

/** The section's gate: staff of the roles it is for (app/konsol/_shell/sections.ts), else 403 or sign-in. */
export default async function SectionLayout({ children }: { children: ReactNode }) {
  await requireSection('/konsol/zadaniya');
  return children;
}
