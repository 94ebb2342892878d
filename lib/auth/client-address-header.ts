/**
 * The request header that carries the client's address from the launcher's edge (api/edge.ts), which sets
 * it from the TCP peer and overwrites whatever a client sent, to the pages (Next's `headers()` has no
 * socket). No trusted-proxy setting exists, so X-Forwarded-For is never believed (ADR 0017).
 */
export const CLIENT_ADDRESS_HEADER = 'x-oms-client-address';

/** How an address is written down: IPv4 peers seen through an IPv6 socket as plain IPv4, at most 64 characters. */
export function normalClientAddress(value: string | undefined | null): string {
  return (value ?? 'unknown').replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1').slice(0, 64);
}
