import { connect } from 'node:net';

/**
 * The fuzz suite's HTTP client: raw bytes over a socket, so a request may be anything (a broken request
 * line, a body shorter or longer than it says), and the time to the answer is measured by the suite
 * itself rather than hidden in a library's retries and timeouts.
 */

export interface WireRequest {
  method: string;
  /** The request target exactly as sent: not encoded, not checked. */
  target: string;
  headers: [string, string][];
  body?: Buffer;
  /** Send only this many bytes of the body (a truncated upload). */
  truncateBodyAt?: number;
  /**
   * Close the sending side after the bytes (the client gives up): the server may then answer or just
   * close, but must not hold the connection.
   */
  halfClose?: boolean;
  /** Instead of a request line built from method and target, send these bytes first. */
  rawHead?: string;
}

export interface WireAnswer {
  /** 0 when the server closed the socket without a status line. */
  status: number;
  headers: Map<string, string>;
  body: Buffer;
  ms: number;
}

export class NoAnswer extends Error {
  constructor(
    readonly request: string,
    readonly ms: number,
  ) {
    super(`no answer within ${ms} ms to ${request}`);
  }
}

export function serialise(base: URL, request: WireRequest): Buffer {
  const head =
    request.rawHead ??
    [
      `${request.method} ${request.target} HTTP/1.1`,
      `Host: ${base.host}`,
      'Connection: close',
      ...request.headers.map(([name, value]) => `${name}: ${value}`),
      ...(request.body && !request.headers.some(([n]) => /^(content-length|transfer-encoding)$/i.test(n))
        ? [`Content-Length: ${request.body.length}`]
        : []),
      '',
      '',
    ].join('\r\n');
  const body = request.body ?? Buffer.alloc(0);
  return Buffer.concat([
    Buffer.from(head, 'latin1'),
    request.truncateBodyAt === undefined ? body : body.subarray(0, request.truncateBodyAt),
  ]);
}

function dechunk(raw: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = raw.indexOf('\r\n', at);
    if (eol < 0) break;
    const size = parseInt(raw.subarray(at, eol).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(raw.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

export function parseAnswer(raw: Buffer, ms: number): WireAnswer {
  const end = raw.indexOf('\r\n\r\n');
  const head = (end < 0 ? raw : raw.subarray(0, end)).toString('latin1').split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(head[0] ?? '')?.[1];
  const headers = new Map<string, string>();
  for (const line of head.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const rest = end < 0 ? Buffer.alloc(0) : raw.subarray(end + 4);
  const body = headers.get('transfer-encoding')?.includes('chunked') ? dechunk(rest) : rest;
  return { status: status ? Number(status) : 0, headers, body, ms };
}

/**
 * Sends `request` and resolves with the answer once the server has closed the connection (every request
 * says `Connection: close`). Rejects with NoAnswer when nothing complete arrives within `deadlineMs`.
 */
export function exchange(base: URL, request: WireRequest, deadlineMs: number): Promise<WireAnswer> {
  const bytes = serialise(base, request);
  const label = (request.rawHead ?? `${request.method} ${request.target}`).slice(0, 200);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const chunks: Buffer[] = [];
    const socket = connect(Number(base.port), base.hostname);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new NoAnswer(JSON.stringify(label), deadlineMs));
    }, deadlineMs);
    socket.on('data', (d: Buffer) => chunks.push(d));
    // A reset after the answer (the server refusing the rest of an upload) still counts as the answer.
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(parseAnswer(Buffer.concat(chunks), Math.round(performance.now() - started)));
    });
    socket.write(bytes);
    if (request.halfClose) socket.end();
  });
}

/** One line saying what was sent, short enough for a report. */
export function describe(request: WireRequest): string {
  const head = (request.rawHead ?? `${request.method} ${request.target}`).split('\r\n', 1)[0]!;
  const short = head.length > 160 ? `${head.slice(0, 160)}… (${head.length} chars)` : head;
  const headers = request.headers.map(([n]) => n).join(', ');
  const body = request.body
    ? `, body ${request.body.length} B${request.truncateBodyAt !== undefined ? ` (sent ${request.truncateBodyAt})` : ''}`
    : '';
  return `${JSON.stringify(short)}${headers ? ` [${headers}]` : ''}${body}${request.halfClose ? ', half-closed' : ''}`;
}
