import { z } from 'zod';

/**
 * Arguments of `npm run staff:create`, checked with zod: unknown or repeated options, a missing value, a
 * scope that does not fit the role — each is an error that names the option, never silently ignored.
 */
export type StaffRoleArg = 'ffoms_admin' | 'tfoms_operator' | 'smo_operator' | 'clinic_registrar';

export interface StaffCreateArgs {
  command: 'create';
  role: StaffRoleArg;
  login: string;
  fullName: string;
  subjectCode: string | null;
  insurerCode: string | null;
  moCode: string | null;
  /** Read the password from stdin (one line) instead of generating one. */
  passwordFromStdin: boolean;
}

export const STAFF_CREATE_USAGE = `Использование:
  npm run staff:create -- --role <роль> --login <логин> [--region NN] [--insurer NNNNN] [--mo NNNNNN]
                          [--full-name "Фамилия Имя Отчество"] [--password-stdin]
  npm run staff:create -- --help

  --role            ffoms_admin | tfoms_operator (с --region) | smo_operator (с --insurer)
                    | clinic_registrar (с --mo)
  --login           3–64 латинские буквы, цифры, точка, дефис, подчёркивание
  --region          код субъекта РФ, две цифры (для tfoms_operator)
  --insurer         код СМО, пять цифр (для smo_operator)
  --mo              код МО, шесть цифр (для clinic_registrar)
  --full-name       ФИО сотрудника (по умолчанию — логин)
  --password-stdin  прочитать пароль из стандартного ввода (одна строка); без него пароль создаётся
                    и печатается один раз
Администратор ФФОМС подключает второй фактор (TOTP) при первом входе.
База данных: DATABASE_URL или встроенный PostgreSQL в .data/pg.`;

const SCOPE_OF_ROLE = {
  ffoms_admin: null,
  tfoms_operator: 'region',
  smo_operator: 'insurer',
  clinic_registrar: 'mo',
} as const;

const schema = z
  .object({
    role: z.enum(['ffoms_admin', 'tfoms_operator', 'smo_operator', 'clinic_registrar'], {
      error: '--role: одна из ролей ffoms_admin, tfoms_operator, smo_operator, clinic_registrar.',
    }),
    login: z
      .string({ error: '--login: укажите логин.' })
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9._-]{3,64}$/, '--login: 3–64 латинские буквы, цифры, точка, дефис, подчёркивание.'),
    region: z
      .string()
      .regex(/^\d{2}$/, '--region: код субъекта — две цифры.')
      .optional(),
    insurer: z
      .string()
      .regex(/^\d{5}$/, '--insurer: код СМО — пять цифр.')
      .optional(),
    mo: z
      .string()
      .regex(/^\d{6}$/, '--mo: код МО — шесть цифр.')
      .optional(),
    'full-name': z
      .string()
      .trim()
      .min(3, '--full-name: от 3 до 200 знаков.')
      .max(200, '--full-name: от 3 до 200 знаков.')
      .optional(),
    'password-stdin': z.boolean(),
  })
  .superRefine((a, ctx) => {
    const needed = SCOPE_OF_ROLE[a.role];
    for (const option of ['region', 'insurer', 'mo'] as const) {
      if (option === needed && a[option] === undefined) {
        ctx.addIssue({ code: 'custom', message: `--${option}: обязателен для роли ${a.role}.` });
      }
      if (option !== needed && a[option] !== undefined) {
        ctx.addIssue({ code: 'custom', message: `--${option} не применяется к роли ${a.role}.` });
      }
    }
  });

type Parsed = { ok: true; args: StaffCreateArgs | { command: 'help' } } | { ok: false; error: string };

const VALUED = new Set(['--role', '--login', '--region', '--insurer', '--mo', '--full-name']);

export function parseStaffCreateArgs(argv: readonly string[]): Parsed {
  const raw: Record<string, string | boolean> = { 'password-stdin': false };
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      return argv.length === 1
        ? { ok: true, args: { command: 'help' } }
        : { ok: false, error: '--help указывается без других аргументов.' };
    }
    if (seen.has(arg)) return { ok: false, error: `${arg} указан дважды.` };
    seen.add(arg);
    if (arg === '--password-stdin') {
      raw['password-stdin'] = true;
    } else if (VALUED.has(arg)) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--'))
        return { ok: false, error: `${arg}: не указано значение.` };
      raw[arg.slice(2)] = value;
    } else {
      return { ok: false, error: `Неизвестный аргумент: ${arg}` };
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => i.message).join('\n') };
  const a = parsed.data;
  return {
    ok: true,
    args: {
      command: 'create',
      role: a.role,
      login: a.login,
      fullName: a['full-name'] ?? a.login,
      subjectCode: a.region ?? null,
      insurerCode: a.insurer ?? null,
      moCode: a.mo ?? null,
      passwordFromStdin: a['password-stdin'],
    },
  };
}
