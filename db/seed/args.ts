import { parseDate } from '@/lib/domain/dates';

/** Command-line arguments of `npm run db:seed`. */
export interface SeedArgs {
  persons: number;
  seed: number;
  reset: boolean;
  /** ISO date; absent: today in Moscow. */
  asOf?: string;
  /** Share of persons followed by a planted duplicate record (`--duplicates 0.5%`), 0…0.2. */
  duplicates?: number;
}

export type ParsedArgs =
  { ok: true; help: true } | { ok: true; help: false; args: SeedArgs } | { ok: false; error: string };

export const MAX_PERSONS_ARG = 200_000_000;
const MAX_SEED = 4_294_967_295;
const EARLIEST_AS_OF = '2026-01-01';
const LATEST_AS_OF = '2090-12-31';

export const USAGE = `usage: npm run db:seed -- --persons N [--seed S] [--as-of YYYY-MM-DD] [--duplicates P%] [--reset]

  --persons N      persons in the register after seeding, 0…200000000 (the demo people are always
                   loaded and count towards N)
  --seed S         random seed, 0…4294967295 (default 1): the same seed and N give the same register
  --as-of DATE     the date the register is seeded as of, ${EARLIEST_AS_OF}…${LATEST_AS_OF} (default: today in Moscow)
  --duplicates P%  plant duplicate records after P% of the generated persons (0…20%; typo, ё/е, swapped
                   names, changed surname, Latin letters, same document number): for the duplicate scan's
                   benchmark, the pairs are kept in seed_planted_duplicates
  --reset          wipe the register's data first (needed when it already has persons)
  --help           show this help

Uses DATABASE_URL, or the embedded PostgreSQL under .data/pg when it is not set.`;

const DIGITS = /^\d+$/;

function integer(flag: string, value: string, max: number): number | string {
  if (!DIGITS.test(value)) return `${flag} needs a whole number, got "${value}"`;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n > max)
    return `${flag} must be at most ${max.toLocaleString('en-US')}, got ${value}`;
  return n;
}

/**
 * Parses the arguments strictly: every flag known, every value well-formed, nothing twice. Accepts
 * `--flag value` and `--flag=value`.
 */
export function parseSeedArgs(argv: readonly string[]): ParsedArgs {
  let persons: number | undefined;
  let seed: number | undefined;
  let asOf: string | undefined;
  let duplicates: number | undefined;
  let reset = false;
  const seen = new Set<string>();

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return { ok: true, help: true };
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!['--persons', '--seed', '--as-of', '--reset', '--duplicates'].includes(flag)) {
      return {
        ok: false,
        error: arg.startsWith('-') ? `unknown option ${flag}` : `unexpected argument "${arg}"`,
      };
    }
    if (seen.has(flag)) return { ok: false, error: `${flag} given twice` };
    seen.add(flag);
    if (flag === '--reset') {
      if (eq > 0) return { ok: false, error: '--reset takes no value' };
      reset = true;
      continue;
    }
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) return { ok: false, error: `${flag} needs a value` };
      i++;
    }
    if (flag === '--duplicates') {
      const m = /^(\d{1,2}(?:\.\d{1,3})?)%$/.exec(value);
      const share = m ? Number(m[1]) / 100 : NaN;
      if (!(share >= 0 && share <= 0.2))
        return { ok: false, error: `--duplicates needs a share from 0% to 20%, e.g. 0.5%, got "${value}"` };
      duplicates = share;
    } else if (flag === '--persons' || flag === '--seed') {
      const n = integer(flag, value, flag === '--persons' ? MAX_PERSONS_ARG : MAX_SEED);
      if (typeof n === 'string') return { ok: false, error: n };
      if (flag === '--persons') persons = n;
      else seed = n;
    } else {
      const date = parseDate('asOf', value);
      if (!date.ok || !/^\d{4}-\d{2}-\d{2}$/.test(value))
        return { ok: false, error: `--as-of needs a date YYYY-MM-DD, got "${value}"` };
      if (value < EARLIEST_AS_OF || value > LATEST_AS_OF) {
        return {
          ok: false,
          error: `--as-of must be between ${EARLIEST_AS_OF} and ${LATEST_AS_OF}, got ${value}`,
        };
      }
      asOf = value;
    }
  }
  if (persons === undefined) return { ok: false, error: '--persons N is required' };
  return {
    ok: true,
    help: false,
    args: {
      persons,
      seed: seed ?? 1,
      reset,
      ...(asOf ? { asOf } : {}),
      ...(duplicates !== undefined ? { duplicates } : {}),
    },
  };
}
