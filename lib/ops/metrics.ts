import client from 'prom-client';
import { databasePools, getDb } from '@/db/client';
import { readRoutingCounts, replicaLag, replicaPools } from '@/db/read-pools';
import { feedFreshness } from '@/lib/feeds/freshness';
import { jobQueueDepths } from '@/lib/jobs/queue-depth';
import { logger } from './logger';
import type { Door } from './doors';

/**
 * The Prometheus metrics of this process (ADR 0028), served at GET /metrics: requests per door (rate and
 * latency), the database pools' usage, each feed's freshness, the job queue's depth per kind, Node's own
 * process metrics, and any gauge another module registers (`registerGauge`: the replica lag).
 */

// One registry per process, shared with the copy of this module Next bundles for its pages.
const holder = globalThis as unknown as { __omsMetrics?: Metrics };

interface Metrics {
  registry: client.Registry;
  requests: client.Histogram<'door' | 'method' | 'status'>;
}

/** A gauge's reading: one value, or one per label set; null or a throw means "unknown now" (no sample). */
export type GaugeReading = number | null | { labels: Record<string, string>; value: number }[];

function setReading(gauge: client.Gauge<string>, reading: GaugeReading): void {
  gauge.reset();
  if (reading === null) return;
  if (typeof reading === 'number') gauge.set(reading);
  else for (const { labels, value } of reading) gauge.set(labels, value);
}

/**
 * Adds a gauge read at each scrape: `registerGauge('oms_replica_lag_seconds', 'Replica lag', replicaLag)`.
 * A reading that fails is logged and left out of that scrape, never failing the others.
 */
export function registerGauge(
  name: string,
  help: string,
  read: () => GaugeReading | Promise<GaugeReading>,
  labelNames: readonly string[] = [],
): void {
  const { registry } = metrics();
  if (registry.getSingleMetric(name)) registry.removeSingleMetric(name);
  new client.Gauge({
    name,
    help,
    labelNames,
    registers: [registry],
    async collect() {
      try {
        setReading(this, await read());
      } catch (error) {
        this.reset();
        logger().warn({ err: error, metric: name }, 'metric not read');
      }
    },
  });
}

function create(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'oms_' });
  const requests = new client.Histogram({
    name: 'oms_http_request_duration_seconds',
    help: 'HTTP requests by door, method and status: count (the rate) and duration',
    labelNames: ['door', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return { registry, requests };
}

function metrics(): Metrics {
  if (!holder.__omsMetrics) {
    holder.__omsMetrics = create();
    registerStandardGauges();
  }
  return holder.__omsMetrics;
}

function registerStandardGauges(): void {
  registerGauge(
    'oms_db_pool_connections',
    'Connections of the database pools of this process: total, idle, and requests waiting for one',
    () =>
      [...databasePools(), ...replicaPools()].flatMap(({ name, pool }) => [
        { labels: { pool: name, state: 'total' }, value: pool.totalCount },
        { labels: { pool: name, state: 'idle' }, value: pool.idleCount },
        { labels: { pool: name, state: 'waiting' }, value: pool.waitingCount },
      ]),
    ['pool', 'state'],
  );
  registerGauge(
    'oms_feed_last_received_timestamp_seconds',
    'When each agency feed last sent an event (Unix time); absent for a source that never sent',
    async () =>
      (await feedFreshness(getDb(), new Date()))
        .filter((f) => f.lastReceivedAt !== null)
        .map((f) => ({ labels: { source: f.source }, value: f.lastReceivedAt!.getTime() / 1000 })),
    ['source'],
  );
  registerGauge(
    'oms_feed_silent',
    'Whether each agency feed is silent for longer than its expected period (1) or not (0)',
    async () =>
      (await feedFreshness(getDb(), new Date())).map((f) => ({
        labels: { source: f.source },
        value: f.silent ? 1 : 0,
      })),
    ['source'],
  );
  registerGauge(
    'oms_replica_lag_seconds',
    'Replay lag of each streaming replica (ADR 0026); absent while a replica is down or never measured',
    async () =>
      (await replicaLag())
        .filter((r) => r.up && r.lagSeconds !== null)
        .map((r) => ({ labels: { replica: r.replica }, value: r.lagSeconds! })),
    ['replica'],
  );
  registerGauge(
    'oms_replica_lag_bytes',
    'WAL bytes each streaming replica has still to replay (ADR 0026)',
    async () =>
      (await replicaLag())
        .filter((r) => r.up && r.lagBytes !== null)
        .map((r) => ({ labels: { replica: r.replica }, value: r.lagBytes! })),
    ['replica'],
  );
  registerGauge(
    'oms_reads_routed',
    'Reads a replica could serve, by purpose and by where they were served (primary or replica)',
    () => {
      const counts = readRoutingCounts();
      return (['primary', 'replica'] as const).flatMap((server) =>
        Object.entries(counts[server]).map(([purpose, value]) => ({ labels: { server, purpose }, value })),
      );
    },
    ['server', 'purpose'],
  );
  registerGauge(
    'oms_job_queue_depth',
    'Background jobs waiting per kind (queued or waiting for a retry)',
    async () => (await jobQueueDepths()).map((d) => ({ labels: { job: d.job }, value: d.waiting })),
    ['job'],
  );
}

/** Records one answered request. */
export function observeRequest(door: Door, method: string, status: number, seconds: number): void {
  const m = ['GET', 'HEAD', 'POST'].includes(method) ? method : 'other';
  metrics().requests.observe({ door, method: m, status: String(status) }, seconds);
}

/** The exposition text and its content type. */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  const { registry } = metrics();
  return { contentType: registry.contentType, body: await registry.metrics() };
}
