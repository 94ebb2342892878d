import { vi } from 'vitest';

export interface CapturedLog {
  /** Every JSON entry written since the capture began. */
  entries(): Record<string, unknown>[];
  /** The raw text written, for checks that no personal data appears anywhere in it. */
  text(): string;
  stop(): void;
}

/**
 * Captures the server logger's output (lib/ops/logger.ts writes JSON lines to process.stdout) at level
 * info, in this test process.
 */
export function captureLog(): CapturedLog {
  const before = { level: process.env.LOG_LEVEL, format: process.env.LOG_FORMAT };
  process.env.LOG_LEVEL = 'info';
  process.env.LOG_FORMAT = 'json';
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return true;
  });
  const restore = (name: 'LOG_LEVEL' | 'LOG_FORMAT', value: string | undefined) => {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  };
  return {
    text: () => chunks.join(''),
    entries: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    stop: () => {
      spy.mockRestore();
      restore('LOG_LEVEL', before.level);
      restore('LOG_FORMAT', before.format);
    },
  };
}
