import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerRefusalWithItsStatus } from './refusal-status';

let server: Server;
let base: string;

beforeAll(async () => {
  // Stands for Next: an implicit head for a page, an explicit one for a redirect.
  server = createServer((req, res) => {
    answerRefusalWithItsStatus(req, res);
    if (req.url?.endsWith('?redirect')) {
      res.writeHead(307, { location: '/vhod' });
      res.end();
      return;
    }
    res.statusCode = 200;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end('<!DOCTYPE html><html lang="ru"><h1>Нет доступа</h1></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('the refusal pages answered with their status', () => {
  it('sends the 403 page rendered as an ordinary page with 403, and its body unchanged', async () => {
    const res = await fetch(`${base}/net-dostupa`);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('<h1>Нет доступа</h1>');
  });

  it('leaves other pages and statuses other than 200 alone', async () => {
    expect((await fetch(`${base}/konsol`)).status).toBe(200);
    expect((await fetch(`${base}/net-dostupa/more`)).status).toBe(200);
    const redirected = await fetch(`${base}/net-dostupa?redirect`, { redirect: 'manual' });
    expect(redirected.status).toBe(307);
  });
});
