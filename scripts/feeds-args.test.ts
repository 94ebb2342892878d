import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGenerateArgs, parseImportArgs } from './feeds-args';

describe('parseGenerateArgs', () => {
  it('reads the flags, with defaults', () => {
    expect(parseGenerateArgs(['--source', 'zags', '--events', '100'])).toEqual({
      ok: true,
      help: false,
      args: {
        source: 'zags',
        events: 100,
        seed: 1,
        asOf: null,
        invalid: 0,
        duplicates: 0,
        outOfOrder: 0,
        out: null,
      },
    });
    expect(
      parseGenerateArgs([
        '--source=zags',
        '--events=5',
        '--seed',
        '7',
        '--invalid',
        '0.01',
        '--duplicates',
        '0.5',
        '--out-of-order',
        '0.1',
        '--as-of',
        '2026-11-24',
        '--out',
        'x.ndjson',
      ]),
    ).toEqual({
      ok: true,
      help: false,
      args: {
        source: 'zags',
        events: 5,
        seed: 7,
        asOf: '2026-11-24',
        invalid: 0.01,
        duplicates: 0.5,
        outOfOrder: 0.1,
        out: 'x.ndjson',
      },
    });
    expect(parseGenerateArgs(['--help'])).toEqual({ ok: true, help: true });
  });

  it.each([
    [[], /Укажите --source zags/],
    [['--source', 'mvd', '--events', '1'], /--source: .*получено «mvd»/],
    [['--source', 'zags'], /Укажите --events/],
    [['--source', 'zags', '--events', '0'], /--events: нужно целое число от 1/],
    [['--source', 'zags', '--events', '1e3'], /--events/],
    [['--source', 'zags', '--events', '10000001'], /--events/],
    [['--source', 'zags', '--events', '5', '--invalid', '1.5'], /--invalid: доля/],
    [['--source', 'zags', '--events', '5', '--invalid', '-0.1'], /--invalid/],
    [['--source', 'zags', '--events', '5', '--invalid', '0.5', '--duplicates', '0.5'], /Сумма долей/],
    [['--source', 'zags', '--events', '5', '--as-of', '2026-02-30'], /--as-of/],
    [['--source', 'zags', '--events', '5', '--seed', '4294967296'], /--seed/],
    [['--source', 'zags', '--events', '5', '--events', '6'], /--events указан дважды/],
    [['--source', 'zags', '--events', '5', '--nope'], /Неизвестный аргумент: --nope/],
    [['--source', 'zags', '--events', '5', 'extra'], /Лишний аргумент: extra/],
    [['--source', 'zags', '--events'], /--events: не указано значение/],
    [['--help', '--events', '5'], /--help/],
  ])('refuses %j', (argv, message) => {
    const parsed = parseGenerateArgs(argv);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toMatch(message);
  });
});

describe('parseImportArgs', () => {
  it('reads the source, the file and the options', () => {
    expect(parseImportArgs(['--source', 'mvd', 'feed.ndjson'])).toEqual({
      ok: true,
      help: false,
      args: { source: 'mvd', file: 'feed.ndjson', batch: 1000, progress: true },
    });
    expect(parseImportArgs(['f.ndjson', '--source=zags', '--batch', '200', '--no-progress'])).toEqual({
      ok: true,
      help: false,
      args: { source: 'zags', file: 'f.ndjson', batch: 200, progress: false },
    });
  });

  it.each([
    [['feed.ndjson'], /Укажите --source zags, mvd или military/],
    [['--source', 'fns', 'feed.ndjson'], /получено «fns»/],
    [['--source', 'zags'], /Укажите файл/],
    [['--source', 'zags', 'a', 'b'], /Лишний аргумент: b/],
    [['--source', 'zags', 'a', '--batch', '0'], /--batch/],
    [['--source', 'zags', 'a', '--batch', '50001'], /--batch/],
    [['--source', 'zags', 'a', '--no-progress=1'], /--no-progress указывается без значения/],
    [['--source', 'zags', ' '], /Имя файла/],
  ])('refuses %j', (argv, message) => {
    const parsed = parseImportArgs(argv);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toMatch(message);
  });

  it('never throws and always answers ok or a message, whatever the arguments', () => {
    const token = fc.oneof(
      fc.constantFrom(
        '--source',
        'zags',
        'mvd',
        '--batch',
        '--no-progress',
        '--help',
        '-h',
        '--',
        '-',
        '=',
        'f',
      ),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 8 }), (argv) => {
        for (const parsed of [parseImportArgs(argv), parseGenerateArgs(argv)]) {
          if (parsed.ok) continue;
          expect(parsed.error.length).toBeGreaterThan(0);
          expect(parsed.error).not.toMatch(/undefined|\[object Object\]/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
