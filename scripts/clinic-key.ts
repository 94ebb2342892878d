/**
 * `npm run clinic:key`: issues, lists and revokes the API keys of medical organisations' systems (МИС)
 * until the console does it. The key is printed once, to stdout alone (so it can be piped into a secret
 * store); everything else goes to stderr. Runs as a system actor named after the operating-system user,
 * which is what the key's `created_by` / `revoked_by` records.
 */
import { registerTimeZone } from '@/config/register-time-zone';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { listApiKeys } from '@/lib/api-keys/list-api-keys';
import { revokeApiKey } from '@/lib/api-keys/revoke-api-key';
import { systemActor } from '@/lib/auth/actor';
import { operatorName, refusalText, runAgainstRegister } from './cli-database';
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

const when = (d: Date) => d.toLocaleString('ru-RU', { timeZone: registerTimeZone() });

async function run(cmd: Exclude<ClinicKeyCommand, { command: 'help' }>): Promise<void> {
  const actor = systemActor(operatorName('clinic-key'));
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

await runAgainstRegister(
  'clinic:key',
  () => run(command),
  (error) =>
    error.code === 'NOT_FOUND' && command.command === 'revoke'
      ? `Ключ с префиксом ${command.prefix} не найден.`
      : refusalText(error),
);
