/**
 * `npm run feeds:import -- --source zags FILE.ndjson`: imports an agency's feed file through the feeds'
 * validation and use cases in batches (lib/feeds/bulk), with a progress bar (events/s, ETA) on stderr and
 * a summary at the end: applied, duplicates, pending, rejected with their line numbers and reasons.
 * Interrupted (Ctrl-C, kill -9) and run again, it resumes; replayed events are duplicates, never applied
 * twice. Exit status: 0 when every line was accepted (applied, duplicate or pending), 1 when some were
 * rejected or the import failed, 2 for bad arguments.
 */
import { randomUUID } from 'node:crypto';
import { access } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import { FEED_LIMITS } from '@/api/v1/feeds/limits';
import { applyBatch, mayOverlap } from '@/lib/feeds/bulk/apply-batch';
import { importFeedFile, type ImportProgress, type ImportSummary } from '@/lib/feeds/bulk/import-feed';
import { formatImportSummary } from '@/lib/feeds/bulk/import-summary';
import { runInContext } from '@/lib/ops/request-context';
import { operatorName, runAgainstRegister } from './cli-database';
import { argumentsOrExit, IMPORT_USAGE, parseImportArgs } from './feeds-args';

const args = argumentsOrExit(parseImportArgs(process.argv.slice(2)), IMPORT_USAGE);
try {
  await access(args.file);
} catch {
  console.error(`Файл не найден или недоступен: ${args.file}`);
  process.exit(2);
}

const bar = args.progress
  ? new cliProgress.SingleBar(
      {
        format:
          ' {bar} {percentage}% | строк {lines} | {rate} соб./с | осталось {eta_formatted} | ' +
          'применено {applied}, повторов {duplicate}, ожидают {pending}, отклонено {rejected}',
        etaBuffer: 50,
        fps: 4,
        stream: process.stderr,
      },
      cliProgress.Presets.shades_classic,
    )
  : null;
let started = 0;
let startEvents = 0;

function onProgress(p: ImportProgress): void {
  if (!bar) return;
  const events = p.counts.applied + p.counts.duplicate + p.counts.pending + p.counts.rejected;
  const payload = { lines: p.linesDone.toLocaleString('ru-RU'), ...p.counts };
  if (!started) {
    started = performance.now();
    startEvents = events;
    bar.start(p.fileBytes, p.bytesDone, { ...payload, rate: '—' });
    return;
  }
  const seconds = (performance.now() - started) / 1000;
  const rate = seconds > 0 ? Math.round((events - startEvents) / seconds).toLocaleString('ru-RU') : '—';
  bar.update(p.bytesDone, { ...payload, rate });
}

// Ctrl-C: stop after the batch in hand (its resume point saved, an embedded database shut down); twice: now.
const stop = new AbortController();
process.on('SIGINT', () => {
  if (stop.signal.aborted) process.exit(130);
  stop.abort();
  bar?.stop();
  console.error('\nОстанавливаю после текущего пакета… (ещё раз Ctrl-C — немедленно)');
});

let summary: ImportSummary | null = null;
await runAgainstRegister('feeds:import', async () => {
  try {
    // The server log lines written during the import (a use case's unexpected error) name this run.
    summary = await runInContext({ importRun: `${args.source}-${randomUUID()}` }, () =>
      importFeedFile({
        source: args.source,
        file: args.file,
        batchSize: args.batch,
        startedBy: operatorName('feeds-import'),
        apply: applyBatch,
        mayOverlap,
        maxLineBytes: FEED_LIMITS.lineBytes,
        onProgress,
        signal: stop.signal,
      }),
    );
  } catch (error) {
    // Stopped by Ctrl-C after a batch: the resume point is saved; anything else is a failure.
    if (!stop.signal.aborted) throw error;
  } finally {
    bar?.stop();
  }
});
if (!summary) {
  console.error('Прервано. Запустите ту же команду снова: импорт продолжится, повторов не будет.');
  process.exit(130);
}
const done: ImportSummary = summary;
console.log(formatImportSummary(done));
process.exit(done.counts.rejected > 0 ? 1 : 0);
