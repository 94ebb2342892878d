import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { addAccess, auditActors } from '@/testing/audit/entries';
import { rejection } from '@/testing/expect-error';
import { createKzPerson } from '@/testing/kz/register';
import { exportAuditLog } from './export-audit-log';
import { parseAuditFilter } from './audit-filter';
import { readAuditLog } from './read-audit-log';

const { ffoms } = auditActors;
const registrar = { kind: 'clinic', id: 'reg-almaty', moCode: '750001' } as const;

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('the audit log of a Kazakh register', () => {
  it('days are Astana’s: «с» starts at 00:00 (19:00 UTC before), «по» ends at 23:59:59.999', () => {
    const f = parseAuditFilter({ from: '10.03.2026', to: '10.03.2026' });
    expect(f.fromInstant?.toISOString()).toBe('2026-03-09T19:00:00.000Z');
    expect(f.toInstant?.toISOString()).toBe('2026-03-10T18:59:59.999Z');
    // Before 01.03.2024 the zone was UTC+6.
    expect(parseAuditFilter({ from: '10.01.2024' }).fromInstant?.toISOString()).toBe(
      '2024-01-09T18:00:00.000Z',
    );
  });

  it('a wrong organisation is told this register’s codes: no insurers here', async () => {
    const error = await rejection(readAuditLog({ organisation: 'a b' }, ffoms));
    expect(error.fields.map((f) => [f.field, f.message])).toEqual([
      ['organisation', 'Укажите код организации: ffoms, tfoms:<код региона> или код МО из 6 цифр.'],
    ]);
  });

  it('«кого» is an ИИН: checked by its check digit, named under the field', async () => {
    const error = await rejection(readAuditLog({ person: '900101300001' }, ffoms));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields.map((f) => f.field)).toEqual(['person']);
  });

  it('finds the reads about a person by ИИН and shows the ИИН; the CSV speaks of ИИН and Astana time', async () => {
    const person = await createKzPerson(getDb());
    const other = await createKzPerson(getDb());
    await addAccess({
      at: '2026-03-10T05:00:00Z',
      actor: registrar,
      channel: 'clinic_ui',
      personId: person.id,
      purpose: 'policy_lookup',
    });
    await addAccess({
      at: '2026-03-10T05:01:00Z',
      actor: registrar,
      channel: 'clinic_ui',
      personId: other.id,
      purpose: 'policy_lookup',
    });
    const page = await readAuditLog({ person: person.iin, who: 'reg-almaty' }, ffoms);
    expect(page.personFound).toBe(true);
    expect(page.entries.map((e) => [e.personId, e.personKey])).toEqual([[person.id, person.iin]]);

    const csv = await readAll(
      await exportAuditLog(
        { person: person.iin, who: 'reg-almaty' },
        { actor: ffoms, staffId: null, login: 'admin' },
      ),
    );
    const [header, row] = csv.slice(1).trimEnd().split('\n');
    expect(header).toBe(
      'Время (Астана);Запись;Кто (вид);Кто;Организация;Что;Канал;ИИН;Объект;Результат;Подробности;Адрес;Примечание',
    );
    // 05:00 UTC is 10:00 in Astana (UTC+5); the clinic's lookup is a status check here, not a policy's.
    expect(row).toMatch(
      new RegExp(
        `^10\\.03\\.2026 10:00:00;Чтение персональных данных;Регистратор МО;reg-almaty;750001;` +
          `Проверка статуса ОСМС \\(МО\\);Рабочее место МО;${person.iin};`,
      ),
    );
    expect(page.entries[0]!.whatLabel).toBe('Проверка статуса ОСМС (МО)');
  });

  it('an ИИН nobody has: an empty page that says so', async () => {
    const page = await readAuditLog({ person: '900101300007' }, ffoms);
    expect(page.personFound).toBe(false);
    expect(page.entries).toEqual([]);
  });
});
