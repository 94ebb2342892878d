/** Never rendered: the layout answers 404. */
export default function NotFoundPage() {
  return null;
}

/** Answered on each request (a prerendered refusal would be a static page). */
export const dynamic = 'force-dynamic';
