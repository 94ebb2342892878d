/**
 * The request header that carries the client's address from the launcher's edge (api/edge.ts), which sets
 * it from the TCP peer and overwrites whatever a client sent, to the pages (Next's `headers()` has no
 * socket). No trusted-proxy setting exists, so X-Forwarded-For is never believed (ADR 0017).
 */
export const CLIENT_ADDRESS_HEADER = 'x-oms-client-address';
