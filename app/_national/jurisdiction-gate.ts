import { redirect } from 'next/navigation';
import { connection, NextResponse } from 'next/server';
import { env, type Jurisdiction } from '@/config/env';
import { NOT_FOUND_PAGE } from '../konsol/_shell/refusal-pages';

/**
 * The gate of a national route group (ADR 0029, ADR 0032): `app/(ru)/…` and `app/(kz)/…` exist in every
 * build, and the deployment's one jurisdiction decides at run time which of them answers. One check per
 * group, in its layout; the group's route handlers (which no layout wraps) take the same check through
 * `nationalRoute`. `connection()` keeps the group's pages out of the build's prerendering: the build runs
 * under one jurisdiction and must not bake its answer into the other's pages.
 *
 * The other country's page goes to an address no route has, which Next answers with the site's 404 page:
 * `notFound()` thrown in a layout gets Next's bare error document instead — empty without JavaScript, and
 * the portal ships none (vercel/next.js#62228; the console's refusals do the same, refusal-pages.ts).
 */
export async function onlyIn(jurisdiction: Jurisdiction): Promise<void> {
  await connection();
  if (env().REGISTER_JURISDICTION !== jurisdiction) redirect(NOT_FOUND_PAGE);
}

/** A route handler of a national group: 404 (in Russian, as the pages say it) in the other jurisdiction. */
export function nationalRoute<Args extends unknown[]>(
  jurisdiction: Jurisdiction,
  handler: (...args: Args) => Promise<Response> | Response,
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    if (env().REGISTER_JURISDICTION !== jurisdiction) {
      return new NextResponse('Страница не найдена.', {
        status: 404,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      });
    }
    return handler(...args);
  };
}
