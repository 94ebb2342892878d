import fc from 'fast-check';
import type { DoorOf, ErrorFormat, FuzzContext } from './doors';
import { describe, exchange, type WireAnswer, type WireRequest } from './wire';

/** Every answer must be complete within this time (the server closes: every request says so). */
export const DEADLINE_MS = Number(process.env.FUZZ_DEADLINE_MS ?? 1_000);

/** Cases per door (FUZZ_CASES, default 1500) and the seed that replays a run (FUZZ_SEED), for every fuzz suite. */
export const CASES = Number(process.env.FUZZ_CASES ?? 1500);
export const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

const CYRILLIC = /[А-Яа-яЁё]/;

function json(body: Buffer): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(body.toString('utf8'));
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * What is wrong with an answer, or null: a 5xx other than a deliberate 503 (the register unavailable),
 * an error not in the door's format, an answer without the security headers, a redirect to nowhere.
 */
export function fault(format: ErrorFormat, request: WireRequest, a: WireAnswer): string | null {
  if (a.status === 0) return request.halfClose ? null : 'the connection closed without an answer';
  const type = a.headers.get('content-type') ?? '';
  const body = json(a.body);
  if (a.status >= 500) {
    const deliberate =
      a.status === 503 &&
      (body?.code === 'REGISTER_UNAVAILABLE' ||
        JSON.stringify(body?.issue ?? '').includes('REGISTER_UNAVAILABLE'));
    if (!deliberate) return `${a.status}: ${a.body.toString('utf8').slice(0, 300)}`;
  }
  if (format === 'http')
    return a.status >= 400 || a.status < 300 || a.headers.has('location')
      ? null
      : `${a.status} without Location`;
  if (a.headers.get('x-content-type-options') !== 'nosniff') return 'no X-Content-Type-Options: nosniff';
  if (a.headers.get('x-frame-options') !== 'DENY') return 'no X-Frame-Options: DENY';
  if (!a.headers.get('content-security-policy')) return 'no Content-Security-Policy';
  if (a.status >= 300 && a.status < 400)
    return a.headers.get('location') ? null : `${a.status} without Location`;
  if (a.status < 400 || request.method === 'HEAD') return null;
  switch (format) {
    case 'problem':
      return type.startsWith('application/problem+json') &&
        body?.status === a.status &&
        typeof body.code === 'string'
        ? null
        : `${a.status} not problem+json: ${type} ${a.body.toString('utf8').slice(0, 200)}`;
    case 'fhir':
      return type.startsWith('application/fhir+json') && body?.resourceType === 'OperationOutcome'
        ? null
        : `${a.status} not an OperationOutcome: ${type} ${a.body.toString('utf8').slice(0, 200)}`;
    case 'page': {
      const text = a.body.toString('utf8');
      const russianPage = type.startsWith('text/html') && text.includes('lang="ru"') && CYRILLIC.test(text);
      const russianText = type.startsWith('text/plain') && CYRILLIC.test(text);
      return russianPage || russianText
        ? null
        : `${a.status} not a Russian page: ${type} ${text.slice(0, 200)}`;
    }
  }
}

/** A redirect that leaves the site (another origin, or a scheme- or backslash-relative address), or null. */
export function offSite(base: URL, a: WireAnswer): string | null {
  const location = a.headers.get('location');
  if (a.status < 300 || a.status >= 400 || !location) return null;
  // Browsers read `\` as `/`, so `/\evil.example` is as scheme-relative as `//evil.example`.
  let target: URL;
  try {
    target = new URL(location.replace(/\\/g, '/'), base);
  } catch {
    return `${a.status} redirects to an address that is no URL: ${location}`;
  }
  // The server names itself by its configured address (localhost) where the suite calls 127.0.0.1.
  const loopback = (host: string) => host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
  const here =
    target.protocol === base.protocol &&
    target.port === base.port &&
    (target.hostname === base.hostname || (loopback(target.hostname) && loopback(base.hostname)));
  return here ? null : `${a.status} redirects off the site: ${location}`;
}

export interface DoorRun {
  door: string;
  cases: number;
  seconds: number;
  statuses: Record<string, number>;
  slowestMs: number;
}

/** Runs `cases` generated requests at one door; throws (with fast-check's shrunk counterexample) on a fault. */
export async function runDoor<Context = FuzzContext>(
  base: URL,
  door: DoorOf<Context>,
  ctx: Context,
  cases: number,
  seed?: number,
): Promise<DoorRun> {
  const statuses: Record<string, number> = {};
  let slowestMs = 0;
  const started = performance.now();
  const result = await fc.check(
    fc.asyncProperty(door.requests(ctx), async (request) => {
      let answer;
      try {
        answer = await exchange(base, request, DEADLINE_MS);
      } catch (error) {
        throw new Error(`${describe(request)}: ${(error as Error).message.slice(0, 300)}`, { cause: error });
      }
      const problem =
        fault(door.format, request, answer) ?? (door.sameSiteRedirects ? offSite(base, answer) : null);
      if (problem) throw new Error(`${describe(request)} → ${problem}`);
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
      slowestMs = Math.max(slowestMs, answer.ms);
    }),
    { numRuns: cases, ...(seed === undefined ? {} : { seed }), maxSkipsPerRun: 0 },
  );
  if (result.failed) {
    const cause =
      result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
    throw new Error(`${door.name}: seed ${result.seed}, after ${result.numRuns} cases: ${cause}`);
  }
  return { door: door.name, cases, seconds: (performance.now() - started) / 1000, statuses, slowestMs };
}
