import { describe, expect, it } from 'vitest';
import { parseSeedArgs } from './args';

const ok = (argv: string[]) => {
  const r = parseSeedArgs(argv);
  if (!r.ok || r.help) throw new Error(`expected arguments, got ${JSON.stringify(r)}`);
  return r.args;
};
const error = (argv: string[]) => {
  const r = parseSeedArgs(argv);
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r)}`);
  return r.error;
};

describe('parseSeedArgs', () => {
  it('reads --persons with defaults for the rest', () => {
    expect(ok(['--persons', '1000'])).toEqual({ persons: 1000, seed: 1, reset: false });
  });

  it('reads every flag, in both spellings', () => {
    expect(ok(['--persons=20', '--seed', '7', '--reset', '--as-of=2026-03-01'])).toEqual({
      persons: 20,
      seed: 7,
      reset: true,
      asOf: '2026-03-01',
    });
    expect(ok(['--reset', '--seed=0', '--persons', '0'])).toEqual({ persons: 0, seed: 0, reset: true });
  });

  it('accepts the limits', () => {
    expect(ok(['--persons', '200000000']).persons).toBe(200_000_000);
    expect(ok(['--persons', '1', '--seed', '4294967295']).seed).toBe(4_294_967_295);
  });

  it('asks for --persons', () => {
    expect(error([])).toMatch(/--persons N is required/);
    expect(error(['--seed', '3'])).toMatch(/--persons N is required/);
  });

  it.each([
    [['--persons']],
    [['--persons', '--reset']],
    [['--persons', '']],
    [['--persons', '-5']],
    [['--persons', '1.5']],
    [['--persons', '1e6']],
    [['--persons', '+10']],
    [['--persons', '10k']],
    [['--persons', '1_000']],
    [['--persons', 'abc']],
    [['--persons', '0x10']],
    [['--persons=']],
  ])('refuses a bad count %j', (argv) => {
    expect(error(argv)).toMatch(/--persons/);
  });

  it('refuses more than 200,000,000 persons', () => {
    expect(error(['--persons', '200000001'])).toMatch(/at most 200,000,000/);
    expect(error(['--persons', '99999999999999999999'])).toMatch(/at most/);
  });

  it.each([
    [['--seed', '-1']],
    [['--seed', 'x']],
    [['--seed', '4294967296']],
    [['--seed', '2.5']],
    [['--seed']],
  ])('refuses a bad seed %j', (argv) => {
    expect(error(['--persons', '10', ...argv])).toMatch(/--seed/);
  });

  it('refuses unknown flags, stray arguments and repeats', () => {
    expect(error(['--persons', '10', '--bogus'])).toMatch(/unknown option --bogus/);
    expect(error(['--persons', '10', '-p'])).toMatch(/unknown option -p/);
    expect(error(['--persons', '10', 'extra'])).toMatch(/unexpected argument "extra"/);
    expect(error(['--persons', '10', '--persons', '20'])).toMatch(/given twice/);
    expect(error(['--persons', '10', '--reset=yes'])).toMatch(/takes no value/);
  });

  it('checks the seeding date', () => {
    expect(error(['--persons', '1', '--as-of', '2026-02-30'])).toMatch(/--as-of/);
    expect(error(['--persons', '1', '--as-of', '22.11.2026'])).toMatch(/--as-of/);
    expect(error(['--persons', '1', '--as-of', '2025-12-31'])).toMatch(/between/);
  });

  it('recognises --help', () => {
    expect(parseSeedArgs(['--help'])).toEqual({ ok: true, help: true });
    expect(parseSeedArgs(['--persons', '5', '-h'])).toEqual({ ok: true, help: true });
  });
});
