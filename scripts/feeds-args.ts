import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { AnyFeedSource } from '@/lib/feeds/events';
import { servedFeedSources, servedSourcesText } from '@/lib/feeds/served-sources';

/**
 * Arguments of `npm run feeds:generate` and `npm run feeds:import`: node's strict flag parser (every flag
 * known, `--flag value` or `--flag=value`), then zod for the values; every problem is named in Russian.
 */

export const GENERATE_USAGE = `Использование:
  npm run feeds:generate -- --source zags|payments|categories --events N [--seed S] [--as-of ГГГГ-ММ-ДД]
                            [--invalid ДОЛЯ] [--duplicates ДОЛЯ] [--out-of-order ДОЛЯ] [--out ФАЙЛ]

  --source zags       источник событий: zags — рождения (регистр ОМС); payments — платежи,
                      categories — списки льготных категорий (регистр ОСМС)
  --events N          число строк в файле, 1…10000000
  --seed S            зерно генератора, 0…4294967295 (по умолчанию 1): то же зерно и тот же регистр —
                      тот же файл
  --as-of ДАТА        дата, на которую составлен поток (по умолчанию сегодня по Москве)
  --invalid ДОЛЯ      доля ошибочных строк, 0…1 (по умолчанию 0)
  --duplicates ДОЛЯ   доля повторов ранее отправленных событий, 0…1 (по умолчанию 0)
  --out-of-order ДОЛЯ доля событий, пришедших позже более поздних, 0…1 (по умолчанию 0)
  --out ФАЙЛ          куда записать NDJSON (по умолчанию — стандартный вывод)
Матери (zags) и люди с ИИН (payments, categories) берутся из регистра: DATABASE_URL или встроенный
PostgreSQL в .data/pg.`;

export const IMPORT_USAGE = `Использование:
  npm run feeds:import -- --source zags|mvd|military|payments|categories ФАЙЛ.ndjson [--batch N] [--no-progress]

  --source            источник событий файла (zags, mvd, military — регистр ОМС; payments,
                      categories — регистр ОСМС)
  ФАЙЛ                события по одному JSON-объекту в строке (NDJSON)
  --batch N           событий в одной транзакции пакетной записи, 1…50000 (по умолчанию 1000)
  --no-progress       без индикатора (только итог)
Прерванный импорт (Ctrl-C, kill -9) запускается заново той же командой: уже применённые события
распознаются как повторы и ничего не меняют. База данных: DATABASE_URL или встроенный PostgreSQL в .data/pg.`;

const MAX_EVENTS = 10_000_000;

const share = (flag: string) =>
  z
    .string()
    .regex(/^(0(\.\d+)?|1(\.0+)?)$/, `${flag}: доля — число от 0 до 1, например 0.01`)
    .transform(Number);

const wholeNumber = (flag: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${flag}: нужно целое число от ${min} до ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${flag}: нужно целое число от ${min} до ${max}`);

const isoDate = z.iso.date('--as-of: дата в формате ГГГГ-ММ-ДД');

/** The sources with a test-feed generator: ЗАГС births; the ОСМС payments and category lists. */
const GENERATED = ['zags', 'payments', 'categories'] as const;
type GeneratedSource = (typeof GENERATED)[number];
const generatedSources = () => GENERATED.filter((s) => servedFeedSources().includes(s));
const shown = (input: unknown) => (typeof input === 'string' ? input : JSON.stringify(input));

const generateSchema = z.strictObject({
  source: z.custom<GeneratedSource>(
    (v) => typeof v === 'string' && (generatedSources() as readonly string[]).includes(v),
    {
      error: (i) =>
        i.input === undefined
          ? `Укажите --source ${generatedSources().join(' или ')}.`
          : `--source: тестовые потоки строятся для ${generatedSources().join(', ')}, получено «${shown(i.input)}».`,
    },
  ),
  events: wholeNumber('--events', 1, MAX_EVENTS).optional(),
  seed: wholeNumber('--seed', 0, 4_294_967_295).default(1),
  'as-of': isoDate.optional(),
  invalid: share('--invalid').default(0),
  duplicates: share('--duplicates').default(0),
  'out-of-order': share('--out-of-order').default(0),
  out: z.string().min(1, '--out: укажите имя файла').optional(),
});

export interface GenerateArgs {
  source: GeneratedSource;
  events: number;
  seed: number;
  asOf: string | null;
  invalid: number;
  duplicates: number;
  outOfOrder: number;
  out: string | null;
}

const importSchema = z.strictObject({
  source: z.custom<AnyFeedSource>(
    (v) => typeof v === 'string' && (servedFeedSources() as readonly string[]).includes(v),
    {
      error: (i) =>
        i.input === undefined
          ? `Укажите --source ${servedSourcesText()}.`
          : `--source: источник — ${servedSourcesText()}, получено «${shown(i.input)}».`,
    },
  ),
  batch: wholeNumber('--batch', 1, 50_000).default(1000),
  'no-progress': z.boolean().default(false),
});

export interface ImportArgs {
  source: AnyFeedSource;
  file: string;
  batch: number;
  progress: boolean;
}

export type Parsed<T> =
  { ok: true; help: true } | { ok: true; help: false; args: T } | { ok: false; error: string };

function readFlags(
  argv: readonly string[],
  flags: readonly string[],
  booleans: readonly string[],
): { values: Record<string, string | boolean>; positionals: string[] } | string {
  try {
    const { tokens } = parseArgs({
      args: [...argv],
      options: {
        ...Object.fromEntries(flags.map((f) => [f, { type: 'string' as const }])),
        ...Object.fromEntries(booleans.map((f) => [f, { type: 'boolean' as const }])),
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
      tokens: true,
    });
    const values: Record<string, string | boolean> = {};
    const positionals: string[] = [];
    for (const t of tokens ?? []) {
      if (t.kind === 'positional') positionals.push(t.value);
      else if (t.kind === 'option') {
        if (t.name in values) return `--${t.name} указан дважды.`;
        values[t.name] = t.value ?? true;
      }
    }
    return { values, positionals };
  } catch (error) {
    const message = (error as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) return `Неизвестный аргумент: ${unknown[1]}`;
    const missing = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(message);
    if (missing) return `${missing[1]}: не указано значение.`;
    const flagOnly = /Option '(--[\w-]+)' does not take an argument/.exec(message);
    if (flagOnly) return `${flagOnly[1]} указывается без значения.`;
    return `Аргументы не разобраны: ${message}`;
  }
}

/** The flags and positionals of a command, or its help, or what is wrong. */
function readCommand(
  argv: readonly string[],
  flags: readonly string[],
  booleans: readonly string[] = [],
):
  | { values: Record<string, string | boolean>; positionals: string[] }
  | Exclude<Parsed<never>, { help: false }> {
  const read = readFlags(argv, flags, booleans);
  if (typeof read === 'string') return { ok: false, error: read };
  const { help, ...values } = read.values;
  if (help)
    return argv.length === 1
      ? { ok: true, help: true }
      : { ok: false, error: '--help указывается без других аргументов.' };
  return { values, positionals: read.positionals };
}

/** A command's arguments, or the process ends: the usage with the error (exit 2), or the help (exit 0). */
export function argumentsOrExit<T>(parsed: Parsed<T>, usage: string): T {
  if (!parsed.ok) {
    console.error(`${parsed.error}\n\n${usage}`);
    process.exit(2);
  }
  if (parsed.help) {
    console.log(usage);
    process.exit(0);
  }
  return parsed.args;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  if (issue.code === 'unrecognized_keys') return `Неизвестный аргумент: --${issue.keys[0]}`;
  return issue.message;
}

export function parseGenerateArgs(argv: readonly string[]): Parsed<GenerateArgs> {
  const read = readCommand(argv, [
    'source',
    'events',
    'seed',
    'as-of',
    'invalid',
    'duplicates',
    'out-of-order',
    'out',
  ]);
  if (!('values' in read)) return read;
  const { values } = read;
  if (read.positionals.length > 0) return { ok: false, error: `Лишний аргумент: ${read.positionals[0]}` };
  const parsed = generateSchema.safeParse(values);
  if (!parsed.success) return { ok: false, error: firstIssue(parsed.error) };
  const v = parsed.data;
  if (v.events === undefined) return { ok: false, error: 'Укажите --events N.' };
  if (v.invalid + v.duplicates + v['out-of-order'] > 0.9)
    return { ok: false, error: 'Сумма долей --invalid, --duplicates и --out-of-order — не больше 0.9.' };
  return {
    ok: true,
    help: false,
    args: {
      source: v.source,
      events: v.events,
      seed: v.seed,
      asOf: v['as-of'] ?? null,
      invalid: v.invalid,
      duplicates: v.duplicates,
      outOfOrder: v['out-of-order'],
      out: v.out ?? null,
    },
  };
}

export function parseImportArgs(argv: readonly string[]): Parsed<ImportArgs> {
  const read = readCommand(argv, ['source', 'batch'], ['no-progress']);
  if (!('values' in read)) return read;
  const { values } = read;
  const parsed = importSchema.safeParse(values);
  if (!parsed.success) return { ok: false, error: firstIssue(parsed.error) };
  if (read.positionals.length === 0) return { ok: false, error: 'Укажите файл с событиями (NDJSON).' };
  if (read.positionals.length > 1) return { ok: false, error: `Лишний аргумент: ${read.positionals[1]}` };
  const file = read.positionals[0]!;
  if (file.trim() === '' || file.includes('\0')) return { ok: false, error: 'Имя файла указано неверно.' };
  return {
    ok: true,
    help: false,
    args: {
      source: parsed.data.source,
      file,
      batch: parsed.data.batch,
      progress: !parsed.data['no-progress'],
    },
  };
}
