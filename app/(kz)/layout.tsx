import type { ReactNode } from 'react';
import { onlyIn } from '../_national/jurisdiction-gate';

/** Kazakhstan's own pages (the ОСМС status check, the cabinet, the upload): 404 in another register. */
export default async function KazakhPagesLayout({ children }: { children: ReactNode }) {
  await onlyIn('kz');
  return children;
}
