import { env } from '@/config/env';
import { databaseUrl } from '@/db/embedded';
import { drizzle } from 'drizzle-orm/node-postgres';
import { REFERENCE_LOADERS, TEMPLATE_REFERENCE } from '@/db/migrate';
import { settleJurisdiction } from '@/db/register-settings';
import * as schema from '@/db/schema';
import { withClient } from './with-client';

/**
 * Creates database `name` as a copy of `template` on the test server: a migrated register before its first
 * start, bound to no jurisdiction yet. Two files cloning at the same instant can collide on the template
 * ("being accessed by other users"): retried briefly. Returns the clone's URL.
 */
export async function cloneTemplate(serverUrl: string, template: string, name: string): Promise<string> {
  return withClient(serverUrl, async (client) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`create database "${name}" template "${template}"`);
        return databaseUrl(serverUrl, name);
      } catch (err) {
        if (attempt >= 20 || !/being accessed by other users/.test(String(err))) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
}

/**
 * A clone of the template started as the app's first start would start it: bound to the configured
 * jurisdiction (REGISTER_JURISDICTION, `ru` by default; ADR 0029), so every test database is a register
 * of one country. Returns its URL.
 */
export async function cloneStartedRegister(
  serverUrl: string,
  template: string,
  name: string,
): Promise<string> {
  const url = await cloneTemplate(serverUrl, template, name);
  const jurisdiction = env().REGISTER_JURISDICTION;
  await withClient(url, async (client) => {
    await settleJurisdiction(client, jurisdiction);
    // The template holds TEMPLATE_REFERENCE's directories (its migration is unbound); another country's
    // first start would have loaded its own instead (db/migrate.ts), so such a clone swaps them.
    if (jurisdiction !== TEMPLATE_REFERENCE) {
      const db = drizzle(client, { schema, casing: 'snake_case' });
      await db.transaction(async (tx) => {
        await REFERENCE_LOADERS[TEMPLATE_REFERENCE].clear(tx);
        await REFERENCE_LOADERS[jurisdiction].load(tx);
      });
    }
  });
  return url;
}
