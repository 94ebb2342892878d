import { describe, expect, it } from 'vitest';
import { parseClinicKeyArgs } from './clinic-key-args';

describe('parseClinicKeyArgs', () => {
  it('reads the three commands and help', () => {
    expect(parseClinicKeyArgs(['--mo', '770001'])).toEqual({
      ok: true,
      args: { command: 'create', moCode: '770001', label: null },
    });
    expect(parseClinicKeyArgs(['--label', ' МИС «Поликлиника» ', '--mo', '770001'])).toEqual({
      ok: true,
      args: { command: 'create', moCode: '770001', label: 'МИС «Поликлиника»' },
    });
    expect(parseClinicKeyArgs(['--list', '--mo', '770001'])).toEqual({
      ok: true,
      args: { command: 'list', moCode: '770001' },
    });
    expect(parseClinicKeyArgs(['--revoke', '1A2B3C4D'])).toEqual({
      ok: true,
      args: { command: 'revoke', prefix: '1a2b3c4d' },
    });
    expect(parseClinicKeyArgs(['--help'])).toEqual({ ok: true, args: { command: 'help' } });
  });

  it.each([
    [[], /Укажите --mo/],
    [['--mo'], /не указано значение/],
    [['--mo', '--label', 'x'], /не указано значение/],
    [['--mo', '77001'], /шесть цифр/],
    [['--mo', '770001', '--mo', '770002'], /дважды/],
    [['--mo', '770001', '--label', '   '], /--label/],
    [['--mo', '770001', '--label', 'x'.repeat(201)], /--label/],
    [['--mo', '770001', 'extra'], /Неизвестный аргумент: extra/],
    [['--mo=770001'], /Неизвестный аргумент/],
    [['--list'], /--list: укажите --mo/],
    [['--list', '--list', '--mo', '770001'], /дважды/],
    [['--list', '--mo', '770001', '--label', 'x'], /--label не применяется/],
    [['--revoke', 'xyz'], /восемь шестнадцатеричных/],
    [['--revoke', '1a2b3c4d', '--mo', '770001'], /без других аргументов/],
    [['--help', '--mo', '770001'], /--help/],
  ])('refuses %j', (argv, message) => {
    const parsed = parseClinicKeyArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});
