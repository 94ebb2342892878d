import { describe, expect, it } from 'vitest';
import { parseStaffCreateArgs } from './staff-create-args';

describe('parseStaffCreateArgs', () => {
  it('reads each role with its scope, and help', () => {
    expect(parseStaffCreateArgs(['--role', 'ffoms_admin', '--login', 'Admin.One'])).toEqual({
      ok: true,
      args: {
        command: 'create',
        role: 'ffoms_admin',
        login: 'admin.one',
        fullName: 'admin.one',
        subjectCode: null,
        insurerCode: null,
        moCode: null,
        passwordFromStdin: false,
      },
    });
    expect(
      parseStaffCreateArgs([
        '--role',
        'tfoms_operator',
        '--login',
        'tfoms50.k',
        '--region',
        '50',
        '--full-name',
        'Кравцова Ольга Петровна',
        '--password-stdin',
      ]),
    ).toMatchObject({
      ok: true,
      args: {
        role: 'tfoms_operator',
        subjectCode: '50',
        fullName: 'Кравцова Ольга Петровна',
        passwordFromStdin: true,
      },
    });
    expect(
      parseStaffCreateArgs(['--role', 'smo_operator', '--login', 'smo', '--insurer', '77001']),
    ).toMatchObject({
      ok: true,
      args: { insurerCode: '77001' },
    });
    expect(
      parseStaffCreateArgs(['--role', 'clinic_registrar', '--login', 'reg', '--mo', '770001']),
    ).toMatchObject({
      ok: true,
      args: { moCode: '770001' },
    });
    expect(parseStaffCreateArgs(['--help'])).toEqual({ ok: true, args: { command: 'help' } });
  });

  it.each([
    [[], /--role/],
    [['--role', 'root', '--login', 'abc'], /--role: одна из ролей/],
    [['--role', 'ffoms_admin'], /--login: укажите логин/],
    [['--role', 'ffoms_admin', '--login', 'Иван'], /--login: 3–64/],
    [['--role', 'tfoms_operator', '--login', 'abc'], /--region: обязателен/],
    [['--role', 'tfoms_operator', '--login', 'abc', '--region', '7'], /две цифры/],
    [['--role', 'ffoms_admin', '--login', 'abc', '--mo', '770001'], /--mo не применяется/],
    [
      ['--role', 'smo_operator', '--login', 'abc', '--region', '77'],
      /--region не применяется[\s\S]*--insurer: обязателен/,
    ],
    [['--role', 'ffoms_admin', '--login', 'abc', '--login', 'def'], /дважды/],
    [['--role', 'ffoms_admin', '--login'], /не указано значение/],
    [['--role', 'ffoms_admin', '--login', 'abc', '--password', 'x'], /Неизвестный аргумент: --password/],
    [['--role', 'ffoms_admin', '--login', 'abc', '--full-name', 'x'], /--full-name/],
    [['--help', '--role', 'ffoms_admin'], /--help/],
  ])('refuses %j', (argv, message) => {
    const parsed = parseStaffCreateArgs(argv);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toMatch(message);
  });
});
