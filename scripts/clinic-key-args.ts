/** Arguments of `npm run clinic:key`, parsed strictly: anything unexpected is an error, never ignored. */
export type ClinicKeyCommand =
  | { command: 'create'; moCode: string; label: string | null }
  | { command: 'revoke'; prefix: string }
  | { command: 'list'; moCode: string }
  | { command: 'help' };

export const CLINIC_KEY_USAGE = `Использование:
  npm run clinic:key -- --mo <код МО> [--label ТЕКСТ]   выдать ключ API медицинской организации
  npm run clinic:key -- --list --mo <код МО>            показать ключи МО (только префиксы)
  npm run clinic:key -- --revoke <префикс>              отозвать ключ (действует сразу)
  npm run clinic:key -- --help                          эта справка

  <код МО>    шесть цифр по справочнику медицинских организаций (F003), например 770001
  <префикс>   восемь шестнадцатеричных знаков после "oms_" в ключе, например 1a2b3c4d
База данных: DATABASE_URL или встроенный PostgreSQL в .data/pg.`;

type Parsed = { ok: true; args: ClinicKeyCommand } | { ok: false; error: string };

const fail = (error: string): Parsed => ({ ok: false, error });

export function parseClinicKeyArgs(argv: readonly string[]): Parsed {
  const values: { mo?: string; label?: string; revoke?: string } = {};
  let list = false;
  let help = false;
  const valued: Record<string, keyof typeof values> = {
    '--mo': 'mo',
    '--label': 'label',
    '--revoke': 'revoke',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const name = valued[arg];
    if (name) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) return fail(`${arg}: не указано значение.`);
      if (values[name] !== undefined) return fail(`${arg} указан дважды.`);
      values[name] = value;
    } else if (arg === '--list') {
      if (list) return fail('--list указан дважды.');
      list = true;
    } else if (arg === '--help' || arg === '-h') {
      help = true;
    } else {
      return fail(`Неизвестный аргумент: ${arg}`);
    }
  }
  if (help) {
    return argv.length === 1
      ? { ok: true, args: { command: 'help' } }
      : fail('--help указывается без других аргументов.');
  }
  if (values.mo !== undefined && !/^\d{6}$/.test(values.mo))
    return fail(`--mo: код МО — шесть цифр, получено «${values.mo}».`);
  if (values.label !== undefined) {
    const label = values.label.trim();
    if (label === '' || label.length > 200) return fail('--label: от 1 до 200 знаков.');
    values.label = label;
  }
  if (values.revoke !== undefined) {
    if (list || values.mo !== undefined || values.label !== undefined)
      return fail('--revoke указывается без других аргументов.');
    const prefix = values.revoke.toLowerCase();
    if (!/^[0-9a-f]{8}$/.test(prefix))
      return fail(`--revoke: префикс — восемь шестнадцатеричных знаков, получено «${values.revoke}».`);
    return { ok: true, args: { command: 'revoke', prefix } };
  }
  if (list) {
    if (values.mo === undefined) return fail('--list: укажите --mo <код МО>.');
    if (values.label !== undefined) return fail('--label не применяется с --list.');
    return { ok: true, args: { command: 'list', moCode: values.mo } };
  }
  if (values.mo === undefined)
    return fail('Укажите --mo <код МО>, --list --mo <код МО> или --revoke <префикс>.');
  return { ok: true, args: { command: 'create', moCode: values.mo, label: values.label ?? null } };
}
