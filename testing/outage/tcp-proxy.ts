import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TcpProxy {
  /** The fixed loopback port the application connects to. */
  port: number;
  /** Forwards new connections to this upstream port, listening again if needed. */
  forward(upstreamPort: number): Promise<void>;
  /** Nothing listens any more: connections are refused, as at a stopped server's own port. */
  refuse(): Promise<void>;
  /** Connections are accepted and dropped at once, as behind a balancer whose backend is gone. */
  drop(): void;
  /**
   * Nothing moves any more: open connections stay open but carry no byte either way, and new ones are
   * accepted and never answered, as with a server that hangs or whose network is gone.
   */
  freeze(): void;
  close(): Promise<void>;
}

/**
 * A loopback TCP forwarder, so a test can stop PostgreSQL and start it again (embedded servers come back
 * on another port) while the application keeps one DATABASE_URL and one pool, as in production.
 */
export async function startTcpProxy(upstreamPort: number): Promise<TcpProxy> {
  let target: number | null = upstreamPort;
  let frozen = false;
  const pipes = new Set<{ client: Socket; upstream: Socket }>();
  let port = 0;
  let server: Server | null = null;
  const sockets = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  };
  const destroyAll = () => {
    for (const s of sockets) s.destroy();
  };

  const listen = async () => {
    const srv = createServer((client) => {
      track(client);
      if (frozen) return;
      if (target === null) {
        client.destroy();
        return;
      }
      const upstream = createConnection({ host: 'localhost', port: target });
      track(upstream);
      const end = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', end).on('close', end);
      upstream.on('error', end).on('close', end);
      client.pipe(upstream);
      upstream.pipe(client);
      const pipe = { client, upstream };
      pipes.add(pipe);
      client.on('close', () => pipes.delete(pipe));
    });
    await new Promise<void>((resolve, reject) => {
      srv.once('error', reject);
      srv.listen(port, '127.0.0.1', resolve);
    });
    port = (srv.address() as AddressInfo).port;
    server = srv;
  };
  const unlisten = () =>
    new Promise<void>((resolve) => {
      const srv = server;
      server = null;
      destroyAll();
      if (srv) srv.close(() => resolve());
      else resolve();
    });

  await listen();
  return {
    get port() {
      return port;
    },
    forward: async (upstream) => {
      target = upstream;
      frozen = false;
      if (!server) await listen();
    },
    refuse: unlisten,
    drop: () => {
      target = null;
      destroyAll();
    },
    freeze: () => {
      frozen = true;
      for (const { client, upstream } of pipes) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
    },
    close: unlisten,
  };
}
