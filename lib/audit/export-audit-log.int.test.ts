import type { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { registerPerson } from '@/lib/register/register-person';
import { rejection } from '@/testing/expect-error';
import { addAccess, addStaffAction, auditActors } from '@/testing/audit/entries';
import { adultInput, metaAt } from '@/testing/register/people';
import { exportAuditLog, UTF8_BOM } from './export-audit-log';
import { readAuditLog } from './read-audit-log';

const { ffoms, tfoms77, smo77 } = auditActors;
const request = (actor = ffoms as typeof ffoms | typeof tfoms77) => ({
  actor,
  staffId: null,
  login: actor.id,
});

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

let person: { id: number; enp: string };

beforeAll(async () => {
  const a = await registerPerson(adultInput(), metaAt('2026-01-15T09:00:00Z'));
  person = { id: a.personId, enp: a.enp };
  await addStaffAction({
    at: '2026-03-09T08:00:00Z',
    login: '=cmd|calc',
    organisation: null,
    action: 'sign_in_failed',
  });
  await addAccess({
    at: '2026-03-09T21:30:00Z',
    actor: { kind: 'clinic', id: 'reg77', moCode: '770001' },
    channel: 'clinic_ui',
    personId: person.id,
    purpose: 'policy_lookup',
  });
});

describe('exportAuditLog: the CSV', () => {
  it('BOM, Russian header, the page’s entries in its order, Moscow dates, words not codes', async () => {
    const text = await readAll(await exportAuditLog({ to: '10.03.2026' }, request()));
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    const lines = text.slice(1).trimEnd().split('\n');
    expect(lines[0]).toBe(
      'Время (МСК);Запись;Кто (вид);Кто;Организация;Что;Канал;ЕНП;Объект;Результат;Подробности;Адрес;Примечание',
    );
    expect(lines.slice(1)).toEqual([
      `10.03.2026 00:30:00;Чтение персональных данных;Регистратор МО;reg77;770001;Проверка полиса (МО);Рабочее место МО;${person.enp};;found;;;`,
      // A value Excel would run as a formula is kept as text.
      `09.03.2026 11:00:00;Действие сотрудника;Сотрудник;'=cmd|calc;;Неудачная попытка входа;Консоль;;;;;;`,
    ]);
    const page = await readAuditLog({ to: '10.03.2026' }, ffoms);
    expect(page.entries.map((e) => e.actor)).toEqual(['reg77', '=cmd|calc']);
  });

  it('is itself logged before the first row: a staff action with the filters and a read about the person', async () => {
    const stream = await exportAuditLog({ person: person.enp }, { ...request(), address: '10.1.2.3' });
    const { rows: actions } = await getDb().execute<{
      details: { filters: Record<string, string> };
      address: string;
    }>(
      sql`select details, address from staff_actions where action = 'audit_exported' and person_id = ${person.id}`,
    );
    expect(actions).toEqual([
      { details: { filters: { person: person.enp }, region: null }, address: '10.1.2.3' },
    ]);
    const { rows: reads } = await getDb().execute<{ actor_id: string; result: string }>(
      sql`select actor_id, result from access_log where purpose = 'audit_export' and person_id = ${person.id}`,
    );
    expect(reads).toEqual([{ actor_id: 'admin', result: 'exported' }]);
    // The export's own action and read are entries of the log it exports.
    const text = await readAll(stream);
    const own = text.split('\n').filter((l) => l.includes(';Выгрузка журнала'));
    expect(own.map((l) => l.split(';').slice(1, 4).join(';')).sort()).toEqual([
      'Действие сотрудника;Сотрудник;admin',
      'Чтение персональных данных;Сотрудник;admin',
    ]);
  });

  it('a ТФОМС exports its region only; an insurer’s operator nothing, and nothing is logged', async () => {
    const text = await readAll(await exportAuditLog({ to: '10.03.2026' }, request(tfoms77)));
    expect(
      text
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((l) => l.split(';')[3]),
    ).toEqual(['reg77']);
    const before = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from staff_actions`);
    expect(
      (await rejection(exportAuditLog({}, { actor: smo77, staffId: null, login: 'smo77001' }))).code,
    ).toBe('FORBIDDEN');
    const after = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from staff_actions`);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });
});

describe('exportAuditLog: streams with backpressure', () => {
  const ROWS = 200_000;

  beforeAll(async () => {
    await getDb().execute(sql`
      insert into access_log (at, actor_kind, actor_id, organisation_code, person_id, channel, purpose, result)
      select timestamptz '2026-02-01T00:00:00Z' + g * interval '1 second', 'api_key', 'bulk', '770001',
             ${person.id}, 'rest', 'policy_lookup', 'found'
        from generate_series(1, ${ROWS}) g`);
  });

  /** The export's COPY as the server sees it: whether it is waiting for the client to read. */
  async function copyState(): Promise<{ state: string; wait_event: string | null } | undefined> {
    const { rows } = await getDb().execute<{ state: string; wait_event: string | null }>(
      sql`select state, wait_event from pg_stat_activity
           where datname = current_database() and query like 'copy (select to_char%'`,
    );
    return rows[0];
  }

  it('a reader that stops: the server waits on the socket, nothing piles up; then every row arrives', async () => {
    const stream = await exportAuditLog({ who: 'bulk' }, request());
    const reader = stream[Symbol.asyncIterator]();
    const chunks = [(await reader.next()).value as Buffer];
    expect(chunks[0]!.toString('utf8')).toContain('Время (МСК)');
    // The reader takes nothing more: PostgreSQL, not this process, holds the rest (it blocks on ClientWrite).
    await expect.poll(copyState, { timeout: 15_000 }).toEqual({ state: 'active', wait_event: 'ClientWrite' });
    expect(stream.readableLength).toBeLessThanOrEqual(stream.readableHighWaterMark + 64 * 1024);

    for (let r = await reader.next(); !r.done; r = await reader.next()) chunks.push(r.value as Buffer);
    const lines = Buffer.concat(chunks).toString('utf8').trimEnd().split('\n').slice(1);
    expect(lines).toHaveLength(ROWS);
    expect(
      lines[0]!.startsWith('03.02.2026 10:33:20;Чтение персональных данных;API-ключ МО;bulk;770001;'),
    ).toBe(true);
    expect(lines.at(-1)!.startsWith('01.02.2026 03:00:01;')).toBe(true);
    await expect.poll(copyState).toBeUndefined();
  });

  it('a reader that goes away: the COPY ends on the server and the pool keeps working', async () => {
    const stream = await exportAuditLog({ who: 'bulk' }, request());
    await stream[Symbol.asyncIterator]().next();
    // (The iterator is left unfinished on purpose: the reader simply stops and then goes away.)
    await expect.poll(copyState, { timeout: 15_000 }).toEqual({ state: 'active', wait_event: 'ClientWrite' });
    stream.destroy();
    await expect.poll(copyState, { timeout: 15_000 }).toBeUndefined();
    const page = await readAuditLog({ who: 'bulk' }, ffoms, { pageSize: 1 });
    expect(page.entries).toHaveLength(1);
  });
});
