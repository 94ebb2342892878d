import { parseArgs } from 'node:util';

/** A benchmark flag's value: a whole number, or a comma-separated list of them, in [min, max]. */
export type FlagSpec = { kind: 'whole' | 'list'; min: number; max: number };
type Parsed<S extends Record<string, FlagSpec>> = {
  [K in keyof S]?: S[K]['kind'] extends 'list' ? number[] : number;
};

/**
 * Strict flags for the benchmarks (node's own parser): every flag known, given once, with a value in its
 * range; `--flag value` and `--flag=value`. Returns the values given, or the message saying what is wrong.
 */
export function parseBenchFlags<S extends Record<string, FlagSpec>>(
  argv: readonly string[],
  spec: S,
): Parsed<S> | string {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: Object.fromEntries(Object.keys(spec).map((name) => [name, { type: 'string' as const }])),
      strict: true,
      allowPositionals: false,
      tokens: true,
    });
  } catch (error) {
    return (error as Error).message;
  }
  const out: Record<string, number | number[]> = {};
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) return `--${token.name} given twice`;
    seen.add(token.name);
    const { kind, min, max } = spec[token.name]!;
    const raw = token.value ?? '';
    const numbers = (kind === 'list' ? raw.split(',') : [raw]).map((v) =>
      /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max ? Number(v) : null,
    );
    if (numbers.some((n) => n === null))
      return `--${token.name} must be ${kind === 'list' ? 'whole numbers' : 'a whole number'} in ${min}…${max}, got ${raw}`;
    out[token.name] = kind === 'list' ? (numbers as number[]) : numbers[0]!;
  }
  return out as Parsed<S>;
}

/** Parsed flags or options, or the run ends with the message and the usage (exit 2). */
export function optionsOrExit<T>(parsed: T | string, usage: string): T {
  if (typeof parsed === 'string') {
    console.error(`${parsed}\n${usage}`);
    process.exit(2);
  }
  return parsed;
}

/** The flags of an HTTP load benchmark (bench:lookup, bench:kz-status) and their defaults. */
export const LOAD_FLAGS = {
  duration: { kind: 'whole', min: 1, max: 3600 },
  warmup: { kind: 'whole', min: 0, max: 600 },
  samples: { kind: 'whole', min: 1, max: 1_000_000 },
  connections: { kind: 'list', min: 1, max: 1000 },
} as const satisfies Record<string, FlagSpec>;
export const LOAD_DEFAULTS = { duration: 15, warmup: 3, connections: [16, 64], samples: 10_000 };
