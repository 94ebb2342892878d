/**
 * Whether this process is shutting down (ADR 0028): from the first SIGTERM the readiness check answers
 * "not ready" at once, whatever the database says, so a load balancer stops sending new work.
 */
const holder = globalThis as unknown as { __omsStopping?: boolean };

export function markStopping(): void {
  holder.__omsStopping = true;
}

export function isStopping(): boolean {
  return holder.__omsStopping === true;
}
