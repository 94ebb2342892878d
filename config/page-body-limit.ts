/**
 * The largest form post a page takes (a directory file of up to 20 MB, lib/directories, with its form's
 * other fields): Next's server actions and its proxy (which would otherwise keep only the first 10 MB of a
 * body and leave the action an unreadable form) are configured with it, and the edge answers a longer
 * declared body with its own Russian 413 page before Next reads a byte (api/edge.ts).
 */
export const PAGE_BODY_LIMIT = '21mb';
export const PAGE_BODY_LIMIT_BYTES = 21 * 1024 * 1024;
