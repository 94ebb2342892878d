import type { IncomingMessage } from 'node:http';
import { AppError } from '@/lib/errors';
import { readBody } from '../../http';
import { FEED_LIMITS } from './limits';

/** One event as it stood in the request: its line (NDJSON) or 1-based position (JSON array). */
export interface RawEvent {
  line: number;
  value: unknown;
}

function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

function tooMany(): AppError {
  return new AppError('FEED_TOO_MANY_EVENTS', {
    message: `В одном запросе не больше ${FEED_LIMITS.events} событий. Большие файлы загружаются командой feeds:import.`,
    details: { limitEvents: FEED_LIMITS.events },
  });
}

function malformed(line: number | null, message: string): AppError {
  return new AppError('FEED_STREAM_MALFORMED', { message, details: line === null ? {} : { line } });
}

function splitNdjson(body: Buffer): RawEvent[] {
  const events: RawEvent[] = [];
  let start = 0;
  for (let line = 1; start <= body.length; line++) {
    let end = body.indexOf(0x0a, start);
    if (end === -1) end = body.length;
    if (end - start > FEED_LIMITS.lineBytes) {
      throw new AppError('FEED_LINE_TOO_LONG', {
        message: `Строка ${line} длиннее ${FEED_LIMITS.lineBytes} байт: одно событие должно умещаться в строку такой длины.`,
        details: { line, limitBytes: FEED_LIMITS.lineBytes },
      });
    }
    const text = body.toString('utf8', start, end).trim();
    start = end + 1;
    if (text === '') continue;
    try {
      events.push({ line, value: JSON.parse(text) as unknown });
    } catch {
      throw malformed(
        line,
        `Строка ${line} — не JSON. Ни одно событие запроса не применено; исправьте строку и отправьте запрос снова.`,
      );
    }
    if (events.length > FEED_LIMITS.events) throw tooMany();
  }
  return events;
}

function parseArray(body: Buffer): RawEvent[] {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw malformed(null, 'Тело запроса — не JSON. Ни одно событие не применено.');
  }
  if (!Array.isArray(value)) throw malformed(null, 'Ожидается JSON-массив событий.');
  if (value.length > FEED_LIMITS.events) throw tooMany();
  return value.map((v, i) => ({ line: i + 1, value: v as unknown }));
}

/**
 * Reads a feed request whole: a JSON array (`application/json`) or NDJSON (`application/x-ndjson`, one
 * event per line; blank lines skipped, line numbers kept). Any unreadable part refuses the whole request.
 */
export async function readFeedEvents(req: IncomingMessage): Promise<RawEvent[]> {
  const type = mediaType(req);
  if (type !== 'application/json' && type !== 'application/x-ndjson') {
    throw new AppError('FEED_CONTENT_TYPE', { details: { contentType: type || null } });
  }
  const body = await readBody(req, FEED_LIMITS.bodyBytes);
  if (body.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))) {
    throw malformed(null, 'Поток начинается с метки порядка байтов (BOM): отправляйте UTF-8 без неё.');
  }
  return type === 'application/json' ? parseArray(body) : splitNdjson(body);
}
