import type { Metadata } from 'next';
import Forbidden from '../forbidden';

export const metadata: Metadata = { title: 'Нет доступа' };

/**
 * Where a console section sends someone their role does not allow. Rendered as an ordinary page: a
 * forbidden() thrown while rendering gets Next's bare error document (no lang, empty without JavaScript:
 * vercel/next.js#83671), so the launcher's edge gives this page its 403 (scripts/refusal-status.ts).
 */
export default function NoAccessPage() {
  return <Forbidden />;
}
