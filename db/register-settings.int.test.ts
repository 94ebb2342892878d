import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@/config/env';
import { getDb } from './client';
import { settleJurisdiction } from './register-settings';

/**
 * The register's settings row (migration 0019, ADR 0029) on this file's database, which the test setup
 * started as a `ru` register: compared at every start, and beyond any change — not updated, not deleted,
 * not emptied, never a second row.
 */
async function recorded(): Promise<{ jurisdiction: string; rows: number }> {
  const { rows } = await getDb().execute<{ jurisdiction: string }>(
    sql`select jurisdiction from register_settings`,
  );
  return { jurisdiction: rows[0]?.jurisdiction ?? '', rows: rows.length };
}

describe('register_settings', () => {
  it('holds the jurisdiction the test setup started this register with', async () => {
    expect(await recorded()).toEqual({ jurisdiction: 'ru', rows: 1 });
  });

  it('passes a start configured for the recorded jurisdiction and refuses one for another, naming both', async () => {
    const pool = getDb().$client;
    const settled = await settleJurisdiction(pool, 'ru');
    expect(settled.jurisdiction).toBe('ru');
    const error = await settleJurisdiction(pool, 'kz').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variables).toEqual(['REGISTER_JURISDICTION']);
    expect((error as ConfigError).message).toMatch(
      /^Invalid configuration: REGISTER_JURISDICTION: this process is configured for kz, but the database is the register of ru \(recorded \d{4}-\d\d-\d\dT/,
    );
    expect(await recorded()).toEqual({ jurisdiction: 'ru', rows: 1 });
  });

  it('refuses to update, delete or empty the row', async () => {
    // restrict_violation, raised by the append-only trigger of the history tables (migration 0001).
    const appendOnly = { cause: { code: '23001', message: 'register_settings is append-only' } };
    for (const statement of [
      sql`update register_settings set jurisdiction = 'kz'`,
      sql`update register_settings set recorded_at = now()`,
      sql`delete from register_settings`,
    ]) {
      await expect(getDb().execute(statement)).rejects.toMatchObject(appendOnly);
    }
    // Since migration 0020 persons reference the row, so PostgreSQL refuses TRUNCATE before the trigger
    // runs (feature_not_supported: a table referenced in a foreign key); CASCADE reaches the trigger.
    await expect(getDb().execute(sql`truncate register_settings`)).rejects.toMatchObject({
      cause: { code: '0A000' },
    });
    await expect(getDb().execute(sql`truncate register_settings cascade`)).rejects.toMatchObject(appendOnly);
    expect(await recorded()).toEqual({ jurisdiction: 'ru', rows: 1 });
  });

  it('holds one row at most, of a known jurisdiction', async () => {
    await expect(
      getDb().execute(sql`insert into register_settings (jurisdiction) values ('kz')`),
    ).rejects.toMatchObject({ cause: { code: '23505', constraint: 'register_settings_pkey' } });
    await expect(
      getDb().execute(sql`insert into register_settings (id, jurisdiction) values (false, 'kz')`),
    ).rejects.toMatchObject({ cause: { code: '23514', constraint: 'register_settings_one_row' } });
    expect(await recorded()).toEqual({ jurisdiction: 'ru', rows: 1 });
  });
});
