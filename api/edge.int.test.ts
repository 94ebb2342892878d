import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { systemActor } from '@/lib/auth/actor';
import { CLIENT_ADDRESS_HEADER } from '@/lib/auth/client-address-header';
import { PAGE_BODY_LIMIT_BYTES } from '@/config/page-body-limit';
import { answerClientError, guardedHandler } from './edge';
import { startApiServer, type TestApiServer } from '@/testing/api/api-server';
import { captureLog } from '@/testing/ops/captured-log';

/**
 * Issue 9's findings, each a regression test against the API router behind the edge (api/edge.ts), as
 * scripts/serve.ts runs it: bad input gets its door's error answer at once, never a 500 or a hung socket.
 */

const F011 = 'https://oms-register.ru/fhir/CodeSystem/f011';
let server: TestApiServer;
let key = '';

beforeAll(async () => {
  server = await startApiServer();
  ({ key } = await createApiKey({ moCode: '770001' }, systemActor('edge-test')));
});

afterAll(async () => {
  await server.close();
});

interface Answer {
  status: number;
  headers: Headers;
  type: string;
  body: Record<string, unknown>;
}

async function send(path: string, init: RequestInit & { auth?: boolean } = {}): Promise<Answer> {
  const headers = new Headers(init.headers);
  if (init.auth !== false) headers.set('authorization', `Bearer ${key}`);
  const res = await fetch(`${server.base}${path}`, { ...init, headers });
  return {
    status: res.status,
    headers: res.headers,
    type: res.headers.get('content-type') ?? '',
    body: (await res.json()) as Record<string, unknown>,
  };
}

function expectProblem(a: Answer, status: number, code: string): void {
  expect(a.status).toBe(status);
  expect(a.type).toBe('application/problem+json; charset=utf-8');
  expect(a.body).toMatchObject({ status, code });
}

function expectOutcome(a: Answer, status: number, issueCode: string): void {
  expect(a.status).toBe(status);
  expect(a.type).toBe('application/fhir+json; charset=utf-8');
  expect(a.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: issueCode }] });
}

/** Writes raw bytes to the server and returns what came back before it closed or `ms` passed. */
function raw(request: string, ms = 1_000): Promise<{ text: string; closed: boolean; elapsed: number }> {
  const url = new URL(server.base);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(Number(url.port), url.hostname);
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text, closed: false, elapsed: Date.now() - started });
    }, ms);
    socket.on('data', (d: Buffer) => {
      text += d.toString('latin1');
      // One complete answer is enough: the status line, headers and a body of the announced length.
      const m = /\r\ncontent-length: (\d+)\r\n/i.exec(text);
      const end = text.indexOf('\r\n\r\n');
      if (m && end >= 0 && Buffer.byteLength(text.slice(end + 4), 'latin1') >= Number(m[1])) {
        clearTimeout(timer);
        socket.destroy();
        resolve({ text, closed: true, elapsed: Date.now() - started });
      }
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text, closed: true, elapsed: Date.now() - started });
    });
    socket.on('error', reject);
    socket.write(Buffer.from(request, 'latin1'));
  });
}

describe('a NUL or control character in a free-text document number (kind 26)', () => {
  it('REST: 400 naming the number, not a 500 from the database', async () => {
    for (const number of ['\u0000abc', 'ab\u0007', 'a\u202eb']) {
      const qs = new URLSearchParams({ docType: '26', number, birthDate: '1990-01-01' });
      const a = await send(`/api/v1/lookup?${qs.toString()}`);
      expectProblem(a, 400, 'VALIDATION_FAILED');
      expect(a.body.errors).toEqual([
        expect.objectContaining({ field: 'number', code: 'DOCUMENT_NUMBER_INVALID' }),
      ]);
    }
  });

  it('FHIR Patient and Coverage search by document: 400 OperationOutcome', async () => {
    const token = `${F011}|26|\u0000abc`;
    const patient = await send(
      `/fhir/Patient?${new URLSearchParams({ 'identifier:of-type': token, birthdate: '1990-01-01' }).toString()}`,
    );
    expectOutcome(patient, 400, 'value');
    const coverage = await send(
      `/fhir/Coverage?${new URLSearchParams({ 'beneficiary.identifier:of-type': token, 'beneficiary.birthdate': '1990-01-01' }).toString()}`,
    );
    expectOutcome(coverage, 400, 'value');
  });

  it('POST /fhir/CoverageEligibilityRequest: 400 OperationOutcome', async () => {
    const body = {
      resourceType: 'CoverageEligibilityRequest',
      status: 'active',
      purpose: ['validation'],
      created: '2026-11-22',
      insurer: { display: 'СМО' },
      contained: [
        {
          resourceType: 'Patient',
          id: 'p',
          birthDate: '1990-01-01',
          identifier: [
            {
              system: 'https://fhir.ru/ig/core/systems/identity-document',
              type: { coding: [{ system: F011, code: '26' }] },
              value: '\u0000abc',
            },
          ],
        },
      ],
      patient: { reference: '#p' },
    };
    const a = await send('/fhir/CoverageEligibilityRequest', {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json' },
      body: JSON.stringify(body),
    });
    expectOutcome(a, 400, 'value');
  });
});

describe('broken percent-escapes in a path', () => {
  it.each(['/fhir/Patient/%ZZ', '/fhir/Coverage/%E0%A4%A', '/fhir/Patient/enp-%'])(
    '%s: 400 OperationOutcome',
    async (path) => {
      expectOutcome(await send(path), 400, 'structure');
    },
  );

  it('REST: 400 problem+json', async () => {
    expectProblem(await send('/api/v1/%ZZ'), 400, 'BAD_REQUEST');
  });
});

describe('request lines the server cannot read', () => {
  it.each([
    'GET http://[/api/v1/lookup?enp=1 HTTP/1.1',
    'GET http://%zz/fhir/Patient HTTP/1.1',
    'GET * HTTP/1.1',
    'GET example.org:443 HTTP/1.1',
    'POST ftp://example.org/fhir/Patient HTTP/1.1',
    // Found by the 20,000-case fuzz run: URL.canParse accepted it, the URL constructor threw, no answer.
    'GET http://\u00d4\u008cc HTTP/1.1',
  ])('%s → 400 at once', async (line) => {
    const answer = await raw(`${line}\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
    expect(answer.closed).toBe(true);
    expect(answer.elapsed).toBeLessThan(1_000);
    expect(answer.text).toMatch(/^HTTP\/1\.1 400 /);
  });

  it('an absolute-form target that parses is served as its path', async () => {
    const answer = await raw(
      `GET http://localhost/fhir/Patient/enp-1 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${key}\r\nConnection: close\r\n\r\n`,
    );
    expect(answer.text).toMatch(/^HTTP\/1\.1 404 /);
    expect(answer.text).toContain('"resourceType":"OperationOutcome"');
  });

  it('a path with dot segments is judged as the path they resolve to', async () => {
    // Found by the fuzz suite: `/fhir/…/../..//x` was taken for a FHIR door here, while the router and Next
    // served `/x` — a page answered without the pages' headers.
    // URL takes `\` for `/`, so backslash separators resolve too.
    const paths = [
      '/fhir/Patient/../..//konsol',
      '/api/v1/%2e%2e/%2E%2E/konsol',
      '/fhir/Patient\\..\\..\\konsol',
    ];
    for (const path of paths) {
      const answer = await raw(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
      expect(answer.text).toMatch(/^HTTP\/1\.1 404 /);
      expect(answer.text).toMatch(/\r\nX-Content-Type-Options: nosniff\r\n/i);
      expect(answer.text).toMatch(/\r\nContent-Security-Policy: default-src 'none'/i);
    }
    const fhir = await raw(
      `GET /api/../fhir/Patient/./enp-1 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${key}\r\nConnection: close\r\n\r\n`,
    );
    expect(fhir.text).toMatch(/^HTTP\/1\.1 404 /);
    expect(fhir.text).toContain('"resourceType":"OperationOutcome"');
  });

  it('OPTIONS * lists the methods', async () => {
    const answer = await raw('OPTIONS * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    expect(answer.text).toMatch(/^HTTP\/1\.1 204 /);
    expect(answer.text).toMatch(/\r\nAllow: GET, HEAD, POST, OPTIONS\r\n/);
  });
});

describe('a body over the limit', () => {
  it('is 413 with an OperationOutcome (too-long), by its declared length', async () => {
    const a = await send('/fhir/CoverageEligibilityRequest', {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json' },
      body: JSON.stringify({ resourceType: 'CoverageEligibilityRequest', pad: 'x'.repeat(70_000) }),
    });
    expectOutcome(a, 413, 'too-long');
  });

  it('is 413 when it turns out longer than it said it would be (chunked)', async () => {
    const chunk = 'x'.repeat(16_384);
    const chunks = Array.from({ length: 5 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('');
    const answer = await raw(
      'POST /fhir/CoverageEligibilityRequest HTTP/1.1\r\nHost: localhost\r\n' +
        `Authorization: Bearer ${key}\r\nContent-Type: application/fhir+json\r\n` +
        `Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n${chunks}0\r\n\r\n`,
    );
    expect(answer.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer.text).toContain('"too-long"');
  });
});

describe("a page form post over the pages' limit", () => {
  it('is 413 with the Russian page at once, before the body is sent', async () => {
    const answer = await raw(
      'POST /kabinet/vremennyi-status HTTP/1.1\r\nHost: localhost\r\n' +
        'Content-Type: multipart/form-data; boundary=x\r\n' +
        `Content-Length: ${PAGE_BODY_LIMIT_BYTES + 1}\r\n\r\n--x\r\n`,
    );
    expect(answer.closed).toBe(true);
    expect(answer.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(Buffer.from(answer.text, 'latin1').toString('utf8')).toContain('Слишком большой запрос');
  });

  /** Sends a head declaring `declared` bytes, then `sent` bytes of body after the answer; what happened. */
  function sendAfterAnswer(declared: number, sent: number): Promise<{ answers: string[]; cut: boolean }> {
    const url = new URL(server.base);
    return new Promise((resolve) => {
      const socket = connect(Number(url.port), url.hostname);
      let text = '';
      let cut = false;
      const done = () => resolve({ answers: text.match(/HTTP\/1\.1 \d{3}/g) ?? [], cut });
      socket.on('error', () => (cut = true));
      socket.on('close', done);
      socket.on('data', (d: Buffer) => {
        const first = text === '';
        text += d.toString('latin1');
        if (!first) return;
        // The answer came before the body: now the client sends it, then asks again on the connection.
        socket.write(Buffer.alloc(sent, 0x41), () => {
          if (cut) return;
          socket.end('GET /ne-naideno HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
        });
      });
      socket.write(
        'POST /kabinet/vremennyi-status HTTP/1.1\r\nHost: localhost\r\n' +
          `Content-Type: multipart/form-data; boundary=x\r\nContent-Length: ${declared}\r\n\r\n`,
      );
    });
  }

  it('the rest of the body is read and dropped, not reset: the connection serves the next request', async () => {
    const declared = PAGE_BODY_LIMIT_BYTES + 1;
    const { answers, cut } = await sendAfterAnswer(declared, declared);
    expect(cut).toBe(false);
    expect(answers).toEqual(['HTTP/1.1 413', 'HTTP/1.1 404']);
  });

  it('a body beyond 64 MB more is not read: the connection is cut', async () => {
    const { answers, cut } = await sendAfterAnswer(1024 ** 3, 80 * 1024 * 1024);
    expect(answers).toEqual(['HTTP/1.1 413']);
    expect(cut).toBe(true);
  });

  it('a post of the limit itself goes on to the pages', async () => {
    const answer = await raw(
      'POST /kabinet/vremennyi-status HTTP/1.1\r\nHost: localhost\r\n' +
        'Content-Type: multipart/form-data; boundary=x\r\n' +
        `Content-Length: ${PAGE_BODY_LIMIT_BYTES}\r\nConnection: close\r\n\r\n--x\r\n`,
      500,
    );
    expect(answer.text).not.toMatch(/^HTTP\/1\.1 413 /);
  });
});

describe('authentication challenges (RFC 6750)', () => {
  it('REST 401 says Bearer', async () => {
    const a = await send('/api/v1/lookup?enp=1', { auth: false });
    expectProblem(a, 401, 'UNAUTHENTICATED');
    expect(a.headers.get('www-authenticate')).toMatch(/^Bearer realm="api"$/);
  });

  it('FHIR 401 says Bearer', async () => {
    const a = await send('/fhir/Patient?identifier=x', { auth: false });
    expect(a.status).toBe(401);
    expect(a.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });
});

describe('security headers on machine answers', () => {
  it.each([
    '/api/v1/openapi.json',
    '/api/v1/lookup',
    '/fhir/metadata',
    '/fhir/Patient',
    '/fhir/nowhere',
    '/fhir/%ZZ',
  ])('%s', async (path) => {
    const a = await send(path, { auth: false });
    expect(a.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(a.headers.get('x-frame-options')).toBe('DENY');
    expect(a.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('the edge in front of the pages (scripts/serve.ts)', () => {
  let pages: { base: string; close: () => Promise<void> };
  let reached: string[] = [];

  beforeAll(async () => {
    // Stands in for Next: records what reaches it, and throws on /boom as a page with a bug would.
    const server = createServer(
      guardedHandler((req, res) => {
        reached.push(req.url ?? '');
        if (req.url === '/boom') throw new Error('a bug behind the edge');
        if (req.url === '/boom-later') return Promise.reject(new Error('an async bug'));
        if (req.url === '/address') {
          res
            .writeHead(200, { 'content-type': 'text/plain' })
            .end(String(req.headers[CLIENT_ADDRESS_HEADER]));
          return;
        }
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      }),
    );
    server.on('clientError', answerClientError);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    pages = {
      base: `http://127.0.0.1:${port}`,
      close: () => new Promise((resolve) => server.close(() => resolve())),
    };
  });

  afterAll(async () => {
    await pages.close();
  });

  it.each(['/lk/zayavleniya/%ZZ', '/verify/%ZZ', '/verify/%E0%A4%A'])(
    '%s: a Russian 400 page, and the page code is never reached',
    async (path) => {
      reached = [];
      const res = await fetch(`${pages.base}${path}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(await res.text()).toContain('Адрес страницы указан неверно');
      expect(reached).toEqual([]);
    },
  );

  it('tells the pages the TCP peer’s address, whatever the client claims (ADR 0017)', async () => {
    const res = await fetch(`${pages.base}/address`, {
      headers: { [CLIENT_ADDRESS_HEADER]: '203.0.113.99', 'X-Forwarded-For': '198.51.100.7' },
    });
    expect(await res.text()).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });

  it.each(['/boom', '/boom-later'])(
    '%s: a throw behind the edge is a logged 500 page, not a hung socket',
    async (path) => {
      const log = captureLog();
      try {
        const res = await fetch(`${pages.base}${path}`, { signal: AbortSignal.timeout(1_000) });
        expect(res.status).toBe(500);
        expect(await res.text()).toContain('Сервис временно недоступен');
        expect(log.entries()).toContainEqual(
          expect.objectContaining({
            msg: 'edge: request failed',
            method: 'GET',
            path,
            err: expect.objectContaining({ type: 'Error' }) as unknown,
          }),
        );
      } finally {
        log.stop();
      }
    },
  );
});
