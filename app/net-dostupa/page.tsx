/** Never rendered: the layout answers 403. */
export default function NoAccessPage() {
  return null;
}

/** Answered on each request (a prerendered refusal would be a static page). */
export const dynamic = 'force-dynamic';
