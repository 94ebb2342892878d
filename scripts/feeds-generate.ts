/**
 * `npm run feeds:generate -- --source zags|payments|categories --events N [--seed S] …`: a test feed — ЗАГС
 * birth registrations for mothers who are in the register, or (ОСМС) payments and category lists for the
 * persons with an ИИН in it — as NDJSON on stdout or into --out; a summary of what the lines are goes to
 * stderr. Deterministic: the same register, seed, date and shares give the same file.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { getDb } from '@/db/client';
import type { LocalDate } from '@/lib/domain/dates';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';
import { zagsTestFeed } from '@/lib/feeds/generate/generate-feed';
import { osmsTestFeed } from '@/lib/kz/feeds/generate/osms-feeds';
import type { LineKind } from '@/lib/feeds/generate/test-feed';
import { runAgainstRegister } from './cli-database';
import { argumentsOrExit, GENERATE_USAGE, parseGenerateArgs } from './feeds-args';

const args = argumentsOrExit(parseGenerateArgs(process.argv.slice(2)), GENERATE_USAGE);

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

const counts: Record<LineKind, number> = { event: 0, invalid: 0, duplicate: 0, late: 0 };
await runAgainstRegister('feeds:generate', async () => {
  const asOf = (args.asOf as LocalDate | null) ?? jurisdictionProfile().today();
  const lines =
    args.source === 'zags'
      ? await zagsTestFeed(getDb().$client, { ...args, asOf })
      : await osmsTestFeed(getDb().$client, args.source, { ...args, asOf });
  const out = args.out ? createWriteStream(args.out) : process.stdout;
  let buffer = '';
  for (const [kind, line] of lines) {
    counts[kind]++;
    buffer += `${line}\n`;
    if (buffer.length > 1 << 16) {
      await write(out, buffer);
      buffer = '';
    }
  }
  await write(out, buffer);
  if (out !== process.stdout) {
    out.end();
    await once(out, 'finish');
  }
});
console.error(
  `Строк: ${args.events} (событий по порядку ${counts.event}, запоздавших ${counts.late}, ` +
    `повторов ${counts.duplicate}, ошибочных ${counts.invalid})${args.out ? ` → ${args.out}` : ''}`,
);
