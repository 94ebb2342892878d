import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type TestApiServer, startApiServer } from '@/testing/api/api-server';

let server: TestApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(async () => {
  await server?.close();
});

describe('GET /api/v1/osms/status in Russia’s register', () => {
  it('is no address of the API: 404 problem+json, whatever the ИИН', async () => {
    const res = await call(server.base, '/api/v1/osms/status?iin=880514300016');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(res.body).toMatchObject({ code: 'NOT_FOUND', detail: 'Такого адреса в API нет.' });
  });
});
