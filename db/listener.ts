import pg from 'pg';
import { connectionOptions } from './primary';

export interface ListenerEvents {
  /** A NOTIFY on the channel, with its payload. */
  onNotify: (payload: string) => void;
  /** LISTEN is in place (first connect and every reconnect): anything missed meanwhile is unknown. */
  onListening: () => void;
  /** The connection is lost: notifications may be missed until `onListening` again. */
  onLost: () => void;
}

export interface Listener {
  /** Resolves once LISTEN is in place for the first time (or rejects if the first connect fails). */
  ready: Promise<void>;
  close: () => Promise<void>;
}

const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 5_000;

/**
 * A dedicated connection that LISTENs on one channel and reconnects (with backoff) whenever it is lost.
 * Pooled connections cannot listen: a pool hands them to other queries and closes idle ones.
 */
export function listen(url: string, channel: string, events: ListenerEvents): Listener {
  let client: pg.Client | null = null;
  let closed = false;
  let retryMs = RETRY_MIN_MS;
  let timer: NodeJS.Timeout | null = null;
  let resolveReady!: () => void;
  let rejectReady!: (error: unknown) => void;
  let first = true;
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // The first failure is reported to whoever awaits `ready`; the listener keeps retrying regardless.
  ready.catch(() => undefined);

  const lost = (c: pg.Client) => {
    if (client !== c) return;
    client = null;
    events.onLost();
    c.removeAllListeners();
    c.on('error', () => undefined);
    void c.end().catch(() => undefined);
    schedule();
  };

  function schedule(): void {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, retryMs);
    timer.unref();
    retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
  }

  async function connect(): Promise<void> {
    // NOTIFY is not replicated: on a cluster the listener follows the primary (a new one after a failover).
    const { connectionString, Client = pg.Client } = connectionOptions(url);
    const c = new Client({ connectionString, application_name: `oms-register-listen-${channel}` });
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
    c.on('notification', (m) => {
      if (m.channel === channel) events.onNotify(m.payload ?? '');
    });
    client = c;
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (closed) return void (await c.end().catch(() => undefined));
      retryMs = RETRY_MIN_MS;
      events.onListening();
      if (first) resolveReady();
      first = false;
    } catch (error) {
      if (first) rejectReady(error);
      first = false;
      lost(c);
    }
  }

  void connect();
  return {
    ready,
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners();
        c.on('error', () => undefined);
        await c.end().catch(() => undefined);
      }
    },
  };
}
