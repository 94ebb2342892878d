import pino from 'pino';
import { env, logSettings } from '@/config/env';
import { currentContext } from './request-context';
import { errorForLog, maskPersonalFields } from './log-scrub';

/**
 * The one logger of the server (ADR 0028): pino, JSON lines in production, one readable line per entry in
 * development. Every entry carries the id of the work it belongs to (request, job, import) from the
 * request context, and is cleaned of personal data (log-scrub.ts). CLIs that talk to a person keep
 * printing for that person; this is for the server's operational record.
 */

const LEVEL_NAMES: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

/** Development's readable line: time, level, ids, message, then the other fields as JSON. */
function plainLine(json: string): string {
  const {
    time,
    level,
    msg,
    pid: _pid,
    service: _service,
    ...rest
  } = JSON.parse(json) as Record<string, unknown>;
  const ids = ['requestId', 'jobId', 'importRun']
    .filter((k) => typeof rest[k] === 'string')
    .map((k) => {
      const v = rest[k] as string;
      delete rest[k];
      return `[${v.slice(0, 8)}]`;
    });
  const clock = typeof time === 'string' ? time.slice(11, 23) : '';
  const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
  const text = typeof msg === 'string' ? msg : '';
  return `${clock} ${LEVEL_NAMES[Number(level)] ?? String(level)} ${ids.join('')} ${text}${extra}\n`;
}

function build(level: string, format: 'json' | 'plain'): pino.Logger {
  // process.stdout (synchronous for files and pipes on Linux): a line written before exit is not lost.
  const out = process.stdout;
  const destination = format === 'json' ? out : { write: (s: string) => out.write(plainLine(s)) };
  return pino(
    {
      level,
      base: { service: 'oms-register', pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: errorForLog, error: errorForLog },
      mixin: () => ({ ...currentContext() }),
      formatters: { log: (entry) => maskPersonalFields(entry) as Record<string, unknown> },
    },
    destination,
  );
}

const holder = globalThis as unknown as { __omsLogger?: { key: string; logger: pino.Logger } };

/** The process's logger, rebuilt only when LOG_LEVEL or LOG_FORMAT change. */
export function logger(): pino.Logger {
  const { level, format } = logSettings(env());
  const key = `${level}/${format}`;
  if (holder.__omsLogger?.key !== key) holder.__omsLogger = { key, logger: build(level, format) };
  return holder.__omsLogger.logger;
}
