import { readFileSync } from 'node:fs';

/** Reads a small, trusted reference CSV (no quoted commas in these files) into records keyed by header. */
export function readCsv(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  if (!header) return [];
  const keys = header.split(',');
  return lines
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const values = line.split(',');
      return Object.fromEntries(keys.map((k, i) => [k, values[i] ?? '']));
    });
}
