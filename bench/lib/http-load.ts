import autocannon from 'autocannon';
import { fixed, int } from './format';

/**
 * HTTP load for the benchmarks (bench:lookup, bench:scale, bench:kz-status): a target is a server answering
 * GET paths, driven by autocannon at a number of connections, each paired with the baselines answering
 * the same query so the report can show ratios measured in the same run with the same settings.
 */

export interface Target {
  name: string;
  /** The like-for-like baseline answering the same query, for the ratio; null for a baseline. */
  baseline: string | null;
  /** The read-only baseline answering the same query (the physical limit); null for a baseline. */
  limit: string | null;
  base: string;
  paths: string[];
  headers: Record<string, string>;
}

export interface Measurement {
  target: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  statuses: string;
}

async function drive(target: Target, connections: number, seconds: number): Promise<autocannon.Result> {
  let next = 0;
  const { paths } = target;
  return autocannon({
    url: target.base,
    connections,
    duration: seconds,
    timeout: 10,
    headers: target.headers,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }),
      },
    ],
  });
}

export async function measure(
  target: Target,
  connections: number,
  options: { warmup: number; duration: number },
  log: (line: string) => void,
): Promise<Measurement> {
  if (options.warmup > 0) await drive(target, connections, options.warmup);
  const r = await drive(target, connections, options.duration);
  const statuses = Object.entries(r.statusCodeStats ?? {})
    .map(([code, s]) => `${code}×${s.count ?? 0}`)
    .join(' ');
  const m: Measurement = {
    target: target.name,
    connections,
    rps: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    statuses,
  };
  log(
    `${target.name} @ ${connections}: ${int(m.rps)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, ` +
      `non-2xx ${m.non2xx}, errors ${m.errors} (${statuses})`,
  );
  return m;
}

/** Rows of the report: every measurement with its ratio to its baselines at the same connection count. */
export function ratioTable(results: readonly Measurement[], targets: readonly Target[]): string[][] {
  const rows = [
    [
      'target',
      'connections',
      'req/s',
      'p50 ms',
      'p99 ms',
      'non-2xx',
      'errors',
      'vs baseline',
      'vs read-only',
    ],
  ];
  for (const r of results) {
    const t = targets.find((x) => x.name === r.target);
    const base = findMeasurement(results, t?.baseline ?? null, r.connections);
    const limit = findMeasurement(results, t?.limit ?? null, r.connections);
    rows.push([
      r.target,
      String(r.connections),
      int(r.rps),
      String(r.p50),
      String(r.p99),
      int(r.non2xx),
      int(r.errors),
      base ? fixed(r.rps / base.rps) : '',
      limit ? fixed(r.rps / limit.rps) : '',
    ]);
  }
  return rows;
}

export function findMeasurement(
  results: readonly Measurement[],
  name: string | null,
  connections: number,
): Measurement | undefined {
  return results.find((r) => r.target === name && r.connections === connections);
}

/**
 * The goals judged at one connection count: each target's throughput against its like-for-like baseline,
 * its p99, and no failed answer (the read-only ratio is shown, not judged: no door may skip the log).
 */
export function printGoals(
  results: readonly Measurement[],
  targets: readonly Target[],
  goal: { connections: number; ratio: number; p99Ms: number },
): void {
  console.log(
    `\nGoals at ${goal.connections} connections: ≥ ${goal.ratio} of the like-for-like baseline's throughput, ` +
      `p99 ≤ ${goal.p99Ms} ms (the read-only ratio is shown, not judged: no door may skip the log)`,
  );
  for (const t of targets.filter((t) => t.baseline !== null)) {
    const r = findMeasurement(results, t.name, goal.connections);
    const base = findMeasurement(results, t.baseline, goal.connections);
    const limit = findMeasurement(results, t.limit, goal.connections);
    if (!r || !base) {
      console.log(`  ${t.name}: not measured at ${goal.connections} connections`);
      continue;
    }
    const ratio = r.rps / base.rps;
    const clean = r.non2xx === 0 && r.errors === 0;
    const ok = ratio >= goal.ratio && r.p99 <= goal.p99Ms && clean;
    console.log(
      `  ${t.name}: ratio ${fixed(ratio)} ${ratio >= goal.ratio ? '✓' : '✗'}, p99 ${r.p99} ms ` +
        `${r.p99 <= goal.p99Ms ? '✓' : '✗'}${clean ? '' : `, ${r.non2xx} non-2xx / ${r.errors} errors ✗`}` +
        (limit ? `; ${fixed(r.rps / limit.rps)} of the read-only limit` : '') +
        ` → ${ok ? 'met' : 'NOT met'}`,
    );
  }
}
