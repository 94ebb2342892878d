import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { embeddedUrlFile } from './runtime';

describe('embeddedUrlFile', () => {
  it('lies beside the data directory, not inside PostgreSQL’s own', () => {
    expect(embeddedUrlFile('.data/e2e-pg')).toBe(path.resolve('.data/e2e-pg.url'));
    expect(embeddedUrlFile('/srv/oms/pg/')).toBe('/srv/oms/pg.url');
  });
});
