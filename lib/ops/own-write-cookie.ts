import { laterLsn, LONGEST_STALENESS_SECONDS } from '@/db/read-routing';

/**
 * Read-your-writes carried by the caller (ADR 0026): after a write, the response sets `oms_rw=<lsn>.<ms>`
 * (the primary's WAL position and when it was read), so the caller's next request — whichever process
 * takes it — reads from a replica only once that replica has replayed the position. Not signed: a forged
 * value can only send the sender's own reads to the primary (or to a replica fresh enough for the purpose
 * anyway), never show anyone data they could not read.
 */
export const OWN_WRITE_COOKIE = 'oms_rw';

/** After the longest staleness limit, any replica fresh enough for any read has replayed the write. */
const MAX_AGE_SECONDS = LONGEST_STALENESS_SECONDS;
/** Processes' clocks may differ a little; a time further ahead than this is not believed. */
const CLOCK_SKEW_MS = 5_000;
const VALUE = /^([0-9A-Fa-f]{1,8}\/[0-9A-Fa-f]{1,8})\.([0-9]{1,15})$/;

/**
 * The position the request's cookies carry, or null: a value not in the exact shape, dated in the future
 * (beyond the skew) or older than the longest limit is ignored. Of several such cookies, the latest position.
 */
export function carriedWriteFrom(cookieHeader: string | undefined, now: number): string | null {
  let carried: string | null = null;
  for (const part of (cookieHeader ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== OWN_WRITE_COOKIE) continue;
    const match = VALUE.exec(part.slice(eq + 1).trim());
    if (!match) continue;
    const at = Number(match[2]);
    if (at > now + CLOCK_SKEW_MS || now - at > MAX_AGE_SECONDS * 1000) continue;
    carried = laterLsn(carried, match[1]!.toUpperCase());
  }
  return carried;
}

/** The Set-Cookie value that carries `lsn`, written at `now`. */
export function ownWriteCookie(lsn: string, now: number, secure: boolean): string {
  return (
    `${OWN_WRITE_COOKIE}=${lsn}.${now}; Max-Age=${MAX_AGE_SECONDS}; Path=/; HttpOnly; SameSite=Lax` +
    (secure ? '; Secure' : '')
  );
}
