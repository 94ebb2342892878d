import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * What every log line of one unit of work carries (ADR 0028): the request's id for an HTTP request, the
 * job's id and kind for a background job, the run of a feed import. Held in AsyncLocalStorage, so the id
 * follows the work through every layer — the lean API, Next's pages and server actions, use cases, the
 * database's errors — without being passed by hand.
 */
export interface WorkContext {
  requestId?: string;
  jobId?: string;
  job?: string;
  importRun?: string;
  /**
   * The primary's WAL position after the caller's own last write in this request (ADR 0026,
   * read-your-writes): the request's scope sends it back in a cookie, so any process honours it.
   */
  ownWrite?: string;
  /** The position the request's cookie carried (validated): the caller's replica reads wait for it. */
  carriedWrite?: string;
}

// One store per process: Next bundles its own copy of this module for pages and server actions, and both
// copies must see the context the launcher opened around the request.
const holder = globalThis as unknown as { __omsWorkContext?: AsyncLocalStorage<WorkContext> };
const storage = (holder.__omsWorkContext ??= new AsyncLocalStorage<WorkContext>());

export function runInContext<T>(context: WorkContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentContext(): WorkContext | undefined {
  return storage.getStore();
}

export const REQUEST_ID_HEADER = 'x-request-id';

/** A proxy's id is taken only in a shape that cannot forge log lines: 8–128 of `A-Z a-z 0-9 . _ : -`. */
const WELL_FORMED = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

/** The request's id: the trusted proxy's `X-Request-Id` when well formed, else a new UUID. */
export function requestIdFor(header: string | string[] | undefined, trusted: boolean): string {
  const value = Array.isArray(header) ? header[0] : header;
  return trusted && value !== undefined && WELL_FORMED.test(value) ? value : randomUUID();
}
