import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCitizenSignIn } from './mount';
import { loadOrCreateSigningKey, signingKeyFile } from './signing-key';

const dir = mkdtempSync(path.join(tmpdir(), 'esia-dev-'));
const dataDir = path.join(dir, 'pg');
const site = { NEXTAUTH_URL: 'http://localhost:3000', NEXTAUTH_SECRET: 's'.repeat(32) };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('startCitizenSignIn', () => {
  it('mounts the development provider without ESIA_ISSUER, with a key kept beside the data', async () => {
    const provider = await startCitizenSignIn({ prod: false, embedded: true, dataDir, env: site });
    expect(provider?.issuer).toBe('http://localhost:3000/esia-dev');
    expect(existsSync(signingKeyFile(dataDir))).toBe(true);
    expect(signingKeyFile(dataDir)).toBe(path.join(dir, 'pg.esia-dev-key.json'));
    // The same key on the next start.
    expect(loadOrCreateSigningKey(signingKeyFile(dataDir))).toEqual(
      loadOrCreateSigningKey(signingKeyFile(dataDir)),
    );
  });

  it('offers synthetic citizens on the embedded database only, even when the provider is allowed elsewhere', async () => {
    const embedded = await startCitizenSignIn({ prod: true, embedded: true, dataDir, env: site });
    expect(embedded?.syntheticCitizens).toBe(true);
    const demo = await startCitizenSignIn({
      prod: true,
      embedded: false,
      dataDir,
      env: { ...site, ESIA_DEV_PROVIDER: 'true' },
    });
    expect(demo?.issuer).toBe('http://localhost:3000/esia-dev');
    expect(demo?.syntheticCitizens).toBe(false);
    const dev = await startCitizenSignIn({ prod: false, embedded: false, dataDir, env: site });
    expect(dev?.syntheticCitizens).toBe(false);
  });

  it('mounts nothing with a real ЕСИА', async () => {
    const env = {
      ...site,
      ESIA_ISSUER: 'https://esia.example.ru',
      ESIA_CLIENT_ID: 'c',
      ESIA_CLIENT_SECRET: 'secret-123',
    };
    expect(await startCitizenSignIn({ prod: true, embedded: false, dataDir, env })).toBeNull();
  });

  it('refuses a production server on a real database without ESIA_ISSUER, and a wrong configuration', async () => {
    await expect(startCitizenSignIn({ prod: true, embedded: false, dataDir, env: site })).rejects.toThrow(
      /ESIA_ISSUER, ESIA_CLIENT_ID and ESIA_CLIENT_SECRET/,
    );
    await expect(
      startCitizenSignIn({
        prod: false,
        embedded: true,
        dataDir,
        env: { ...site, ESIA_ISSUER: 'https://esia.example.ru' },
      }),
    ).rejects.toThrow(/ESIA_CLIENT_ID: must be set/);
  });

  it('answers only its own paths', async () => {
    const provider = (await startCitizenSignIn({ prod: false, embedded: true, dataDir, env: site }))!;
    for (const url of ['/', '/lk', '/esia-devx', '/api/auth/callback/esia']) {
      expect(provider.handle({ url } as never, {} as never), url).toBe(false);
    }
  });
});
