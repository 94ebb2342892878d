/**
 * `npm run feeds:pending`: the agencies' events kept pending (waiting for their person or an earlier
 * event), with why — and, with --retry, applies those whose person has meanwhile appeared.
 *
 *   npm run feeds:pending -- [--source zags] [--retry]
 */
import { parseArgs } from 'node:util';
import { registerTimeZone } from '@/config/register-time-zone';
import { systemActor } from '@/lib/auth/actor';
import { retryPending } from '@/lib/feeds/apply-feed-events';
import { isFeedSource } from '@/lib/feeds/events';
import { listPendingEvents } from '@/lib/feeds/list-pending';
import { operatorName, runAgainstRegister } from './cli-database';

const USAGE = `Использование:
  npm run feeds:pending -- [--source <источник>]           показать отложенные события и причины
  npm run feeds:pending -- [--source <источник>] --retry   повторить их (применяются, если человек появился)

  <источник>  zags (ЗАГС), mvd (МВД), military (военные комиссариаты)`;

let values: { source?: string; retry?: boolean; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      source: { type: 'string' },
      retry: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  console.error(`Неверные аргументы: ${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (values.source !== undefined && !isFeedSource(values.source)) {
  console.error(`--source: источник — zags, mvd или military, получено «${values.source}».\n\n${USAGE}`);
  process.exit(2);
}
const source = values.source;
const when = (d: Date) => d.toLocaleString('ru-RU', { timeZone: registerTimeZone() });

await runAgainstRegister('feeds:pending', async () => {
  if (values.retry) {
    const s = await retryPending({ source });
    console.error(
      `Повторено: ${s.retried}; применено: ${s.applied}; отклонено: ${s.rejected}; по-прежнему ждут: ${s.stillPending}.`,
    );
  }
  const pending = await listPendingEvents(
    { source, limit: 5000 },
    systemActor(operatorName('feeds-pending')),
  );
  if (pending.length === 0) console.error('Отложенных событий нет.');
  for (const p of pending) {
    console.log(
      [
        p.source,
        p.eventId,
        p.type,
        `получено ${when(p.receivedAt)}`,
        `попыток ${p.attempts}`,
        `${p.reasonCode}: ${p.reason}`,
      ].join('\t'),
    );
  }
});
