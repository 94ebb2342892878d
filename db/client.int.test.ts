import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, getLoggedReadPool } from './client';

describe('the two pools (ADR 0009)', () => {
  it('the lookup pool itself turns off waiting for the WAL flush; the register pool keeps the server setting', async () => {
    const query = `select setting, source from pg_settings where name = 'synchronous_commit'`;
    const lookup = await getLoggedReadPool().query<{ setting: string; source: string }>(query);
    expect(lookup.rows[0]).toEqual({ setting: 'off', source: 'client' });
    const register = await getDb().execute<{ setting: string; source: string }>(sql.raw(query));
    expect(register.rows[0]!.source).not.toBe('client');
  });

  it('each pool names itself to the server', async () => {
    const lookup = await getLoggedReadPool().query<{ name: string }>(
      `select current_setting('application_name') as name`,
    );
    expect(lookup.rows[0]!.name).toBe('oms-register-lookup');
    const register = await getDb().execute<{ name: string }>(
      sql`select current_setting('application_name') as name`,
    );
    expect(register.rows[0]!.name).toBe('oms-register');
  });
});
