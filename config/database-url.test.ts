import { describe, expect, it } from 'vitest';
import { databaseHostUrls, isDatabaseUrl } from './database-url';
import { readEnv } from './env';

describe('databaseHostUrls', () => {
  it('keeps a single-host URL exactly as given', () => {
    const url = 'postgres://u:p@db:5432/oms?sslmode=require&target_session_attrs=read-write';
    expect(databaseHostUrls(url)).toEqual([url]);
  });

  it('splits a multi-host URL into one URL per host, in order, without target_session_attrs', () => {
    expect(
      databaseHostUrls(
        'postgresql://u:p%40ss@10.0.0.1:5432,10.0.0.2,[::1]:5433/oms?target_session_attrs=read-write&sslmode=require',
      ),
    ).toEqual([
      'postgresql://u:p%40ss@10.0.0.1:5432/oms?sslmode=require',
      'postgresql://u:p%40ss@10.0.0.2/oms?sslmode=require',
      'postgresql://u:p%40ss@[::1]:5433/oms?sslmode=require',
    ]);
  });

  it('works without user information or query', () => {
    expect(databaseHostUrls('postgres://h1:1,h2:2/db')).toEqual(['postgres://h1:1/db', 'postgres://h2:2/db']);
  });
});

describe('isDatabaseUrl (the configuration check of DATABASE_URL)', () => {
  it.each([
    ['postgres://u@127.0.0.1:55401,127.0.0.1:55402/oms_register?target_session_attrs=read-write', true],
    ['postgres://u:p@db:5432/oms', true],
    ['mysql://h1,h2/oms', false],
    ['postgres://h1:5432,h2:notaport/oms', false],
    ['not a url', false],
  ])('%s → %s', (url, valid) => {
    expect(isDatabaseUrl(url)).toBe(valid);
  });

  it('the configuration takes a cluster URL as it is and names DATABASE_URL when a host is wrong', () => {
    const url = 'postgres://u@h1:5432,h2:5433/oms';
    expect(readEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    expect(() => readEnv({ DATABASE_URL: 'postgres://h1:5432,h2:x/oms' })).toThrow(
      /^Invalid configuration: DATABASE_URL: /,
    );
  });
});
