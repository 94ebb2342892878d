import type { ReactNode } from 'react';
import { applicationReview, segment } from './review';

/** Unknown or out-of-scope applications are refused here, before the page (see review.ts). */
export default async function ApplicationLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ nomer: string }>;
}) {
  await applicationReview(segment((await params).nomer));
  return children;
}
