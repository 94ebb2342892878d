import { createReadStream } from 'node:fs';

/** One line of an NDJSON file: its 1-based number, its text (null when longer than allowed), and where it ends. */
export interface FileLine {
  line: number;
  text: string | null;
  /** Byte offset just past the line's newline: where reading resumes after it. */
  end: number;
}

const NEWLINE = 0x0a;

/**
 * Reads a file line by line from a byte offset, with backpressure (the stream waits while the consumer
 * works on a line), never holding more than one over-long line's first `maxLineBytes` bytes: such a line
 * is yielded with `text: null` and skipped to its end. Blank lines are skipped but counted.
 */
export async function* ndjsonLines(
  file: string,
  options: { maxLineBytes: number; start?: { offset: number; line: number } },
): AsyncGenerator<FileLine> {
  let offset = options.start?.offset ?? 0;
  let line = options.start?.line ?? 0;
  let parts: Buffer[] = [];
  let partBytes = 0;
  let tooLong = false;
  const finish = (end: number): FileLine | null => {
    line++;
    const buffer = parts.length === 1 ? parts[0]! : Buffer.concat(parts, partBytes);
    parts = [];
    partBytes = 0;
    if (tooLong) {
      tooLong = false;
      return { line, text: null, end };
    }
    const text = buffer.toString('utf8').replace(/\r$/, '');
    return text.trim() === '' ? null : { line, text, end };
  };
  const take = (chunk: Buffer) => {
    if (tooLong) return;
    if (partBytes + chunk.length > options.maxLineBytes) {
      tooLong = true;
      parts = [];
      partBytes = 0;
      return;
    }
    parts.push(chunk);
    partBytes += chunk.length;
  };
  for await (const chunk of createReadStream(file, {
    start: offset,
    highWaterMark: 1 << 20,
  }) as AsyncIterable<Buffer>) {
    let from = 0;
    for (;;) {
      const at = chunk.indexOf(NEWLINE, from);
      if (at < 0) break;
      take(chunk.subarray(from, at));
      const done = finish(offset + at + 1);
      if (done) yield done;
      from = at + 1;
    }
    if (from < chunk.length) take(chunk.subarray(from));
    offset += chunk.length;
  }
  if (partBytes > 0 || tooLong) {
    const done = finish(offset);
    if (done) yield done;
  }
}
