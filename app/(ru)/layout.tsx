import type { ReactNode } from 'react';
import { onlyIn } from '../_national/jurisdiction-gate';

/** Russia's own pages (the ОМС cabinet and its journeys, the extract's check): 404 in another register. */
export default async function RussianPagesLayout({ children }: { children: ReactNode }) {
  await onlyIn('ru');
  return children;
}
