import type { Route } from 'next';

/**
 * Where the console sends a refusal it finds in a layout (a forbidden()/notFound() thrown while rendering
 * gets Next's bare error document, empty without JavaScript: vercel/next.js#83671). The first is the site's
 * 403 page, which the launcher's edge answers with 403 (scripts/refusal-status.ts); the second is an
 * address no route has, which Next's router answers with the site's own 404 page.
 */
export const NO_ACCESS_PAGE = '/net-dostupa' as Route;
export const NOT_FOUND_PAGE = '/ne-naideno' as Route;
