/**
 * The feed API's bounds (documented in the OpenAPI description and ADR 0021): a request is read whole
 * before anything is applied, so a broken stream changes nothing, and these keep that affordable.
 */
export const FEED_LIMITS = {
  /** Whole request body. */
  bodyBytes: 16 * 1024 * 1024,
  /** One NDJSON line (one event). */
  lineBytes: 64 * 1024,
  /** Events per request (the bulk import is for more). */
  events: 10_000,
} as const;
