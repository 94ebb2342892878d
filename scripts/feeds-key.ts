/**
 * `npm run feeds:key`: issues, lists and revokes the keys of the agencies' systems (one source each)
 * until the console does it. The key is printed once, to stdout alone; everything else goes to stderr.
 *
 *   npm run feeds:key -- --source zags [--label ТЕКСТ]   issue a key
 *   npm run feeds:key -- --list [--source zags]          list keys (prefixes only)
 *   npm run feeds:key -- --revoke <prefix>               revoke (refused from the next request on)
 */
import { parseArgs } from 'node:util';
import { registerTimeZone } from '@/config/register-time-zone';
import { systemActor } from '@/lib/auth/actor';
import { isFeedSource } from '@/lib/feeds/events';
import { createFeedKey, listFeedKeys, revokeFeedKey } from '@/lib/feeds/feed-keys';
import { operatorName, runAgainstRegister } from './cli-database';

const USAGE = `Использование:
  npm run feeds:key -- --source <источник> [--label ТЕКСТ]   выдать ключ системе источника
  npm run feeds:key -- --list [--source <источник>]         показать ключи (только префиксы)
  npm run feeds:key -- --revoke <префикс>                   отозвать ключ (действует сразу)

  <источник>  zags (ЗАГС), mvd (МВД), military (военные комиссариаты)
  <префикс>   восемь шестнадцатеричных знаков после "feed_" в ключе
База данных: DATABASE_URL или встроенный PostgreSQL в .data/pg.`;

function usageError(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

let values: { source?: string; label?: string; list?: boolean; revoke?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      source: { type: 'string' },
      label: { type: 'string' },
      list: { type: 'boolean' },
      revoke: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  usageError(`Неверные аргументы: ${(error as Error).message}`);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (values.source !== undefined && !isFeedSource(values.source)) {
  usageError(`--source: источник — zags, mvd или military, получено «${values.source}».`);
}
const source = values.source;
const label = values.label?.trim();
if (label !== undefined && (label === '' || label.length > 200)) usageError('--label: от 1 до 200 знаков.');
const modes = [values.list, values.revoke !== undefined, source !== undefined && !values.list].filter(
  Boolean,
);
if (modes.length !== 1) usageError('Укажите одно: --source <источник>, --list или --revoke <префикс>.');
if (values.revoke !== undefined && !/^[0-9a-f]{8}$/.test(values.revoke)) {
  usageError(`--revoke: префикс — восемь шестнадцатеричных знаков, получено «${values.revoke}».`);
}

const when = (d: Date) => d.toLocaleString('ru-RU', { timeZone: registerTimeZone() });
const actor = systemActor(operatorName('feeds-key'));

await runAgainstRegister('feeds:key', async () => {
  if (values.revoke !== undefined) {
    await revokeFeedKey({ prefix: values.revoke }, actor);
    console.error(`Ключ ${values.revoke} отозван: запросы с ним отклоняются.`);
  } else if (values.list) {
    const keys = await listFeedKeys({ source }, actor);
    if (keys.length === 0) console.error('Ключей нет.');
    for (const k of keys) {
      const state = k.revokedAt ? `отозван ${when(k.revokedAt)} (${k.revokedBy ?? '—'})` : 'действует';
      console.log(
        [k.prefix, k.source, state, `выдан ${when(k.createdAt)} (${k.createdBy})`, k.label ?? '']
          .join('\t')
          .trimEnd(),
      );
    }
  } else {
    const created = await createFeedKey({ source: source!, label: label ?? null }, actor);
    console.error(`Ключ источника ${created.source} (префикс ${created.prefix}):`);
    console.log(created.key);
    console.error(
      'Сохраните ключ сейчас: он показывается один раз, регистр хранит только его хэш.\n' +
        `Передавайте его в заголовке Authorization: Bearer <ключ> в POST /api/v1/feeds/${created.source}/events.`,
    );
  }
});
