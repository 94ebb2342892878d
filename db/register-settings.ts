import type pg from 'pg';
import { ConfigError, type Jurisdiction } from '@/config/env';

/** What a register's settings row holds (migration 0019). */
export interface RegisterSettings {
  jurisdiction: Jurisdiction;
  recordedAt: Date;
}

interface SettingsRow {
  jurisdiction: Jurisdiction;
  recorded_at: Date;
}

/**
 * Binds the register to one jurisdiction (ADR 0029), after migrating: an empty register's first start
 * records the configured jurisdiction; every later start must be configured for the recorded one. A
 * mismatch is a wrong configuration, refused with both values named before anything is served — the row
 * can never change (its triggers refuse UPDATE and DELETE), so a register cannot be switched to another
 * country by a start with another setting.
 */
export async function settleJurisdiction(
  db: Pick<pg.ClientBase, 'query'>,
  configured: Jurisdiction,
): Promise<RegisterSettings> {
  // DO NOTHING when a row exists: the insert then neither writes nor touches it (no update is attempted).
  const written = await db.query<SettingsRow>(
    `insert into register_settings (jurisdiction) values ($1) on conflict (id) do nothing
     returning jurisdiction, recorded_at`,
    [configured],
  );
  const row =
    written.rows[0] ??
    (await db.query<SettingsRow>('select jurisdiction, recorded_at from register_settings')).rows[0];
  if (!row) throw new Error('register_settings holds no row after recording one');
  if (row.jurisdiction !== configured) throw jurisdictionMismatch(configured, row);
  return { jurisdiction: row.jurisdiction, recordedAt: row.recorded_at };
}

function jurisdictionMismatch(configured: Jurisdiction, recorded: SettingsRow): ConfigError {
  return new ConfigError(
    ['REGISTER_JURISDICTION'],
    `Invalid configuration: REGISTER_JURISDICTION: this process is configured for ${configured}, but the ` +
      `database is the register of ${recorded.jurisdiction} (recorded ${recorded.recorded_at.toISOString()}). ` +
      `A register's jurisdiction never changes: set REGISTER_JURISDICTION=${recorded.jurisdiction} or point ` +
      `DATABASE_URL at a ${configured} register.`,
  );
}
