/**
 * The password policy for staff accounts, pure: at least 12 characters, at most 256 (scrypt hashes any
 * length, but a form should not take a megabyte), not the login itself, not a few characters repeated. Length over
 * composition rules, as NIST SP 800-63B advises.
 */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

export function passwordProblem(password: string, login: string): string | null {
  if (password.length < PASSWORD_MIN) return `Пароль должен быть не короче ${PASSWORD_MIN} символов.`;
  if (password.length > PASSWORD_MAX) return `Пароль должен быть не длиннее ${PASSWORD_MAX} символов.`;
  const lower = password.trim().toLowerCase();
  if (login && lower === login.trim().toLowerCase()) return 'Пароль не должен совпадать с логином.';
  if (new Set(password).size < 4) return 'Пароль слишком простой: используйте разные символы.';
  return null;
}

/** A login: 3–64 lower-case Latin letters, digits, dot, dash, underscore (what staff_accounts.login holds). */
export const LOGIN_PATTERN = /^[a-z0-9._-]{3,64}$/;
