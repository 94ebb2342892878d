import { ACCOUNT_LEVEL_NAMES, ACCOUNT_LEVELS, type AccountLevel } from '../citizen-claims';
import { fullName, type TestCitizen } from './test-citizens';
import type { Jurisdiction } from '@/config/env';

/**
 * The development provider's own pages: plain HTML forms, no script, in Russian. They live outside Next
 * (the provider answers before Next sees the request), so they carry their own small style sheet.
 */

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#0b1f33;background:#f5f7fa}
header{background:#0d4cd3;color:#fff;padding:12px 16px}
header p{margin:0;font-weight:700;font-size:1.25rem}
main{max-width:720px;margin:0 auto;padding:16px}
h1{font-size:1.6rem;line-height:1.25;margin:16px 0 8px}
h2{font-size:1.2rem;margin:24px 0 4px}
.warn{background:#fff4e5;border-left:4px solid #e67e00;padding:8px 12px;margin:16px 0}
.hint{color:#4a5b6d;margin:0 0 8px}
ul{list-style:none;margin:0;padding:0}
li{background:#fff;border:1px solid #d6dce3;border-radius:8px;padding:12px;margin:8px 0}
.who{font-weight:700}
.meta{color:#4a5b6d;font-size:.9rem;margin:2px 0 8px}
form{margin:0}
input{font:inherit;padding:8px;border:2px solid #4a5b6d;border-radius:4px;min-height:44px;width:100%;max-width:360px}
button{font:inherit;cursor:pointer;border-radius:8px;padding:10px 16px;border:2px solid #0d4cd3;background:#0d4cd3;color:#fff;min-height:44px}
button.secondary{background:#fff;color:#0d4cd3}
button:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}
.cancel{margin-top:24px}
`;

export const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
} as const;

/** No script at all; forms may post here and (through redirects) to the portal only. */
export function pageCsp(portalOrigin: string): string {
  return `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${portalOrigin}; frame-ancestors 'none'; base-uri 'none'`;
}

/** Which national provider the development pages stand in for (ADR 0032). */
export interface DevProviderLook {
  /** Its name in the header and the heading: Госуслуги; eGov. */
  readonly name: string;
  /** What the portal asks it for, in the sign-in page's words. */
  readonly asks: string;
  /** The real provider it replaces. */
  readonly replaces: string;
}

export const DEV_PROVIDER_LOOKS = {
  ru: {
    name: 'Госуслуги',
    asks: 'ваши ФИО, дату рождения, пол, СНИЛС и паспортные данные',
    replaces: 'ЕСИА',
  },
  kz: { name: 'eGov', asks: 'ваши ФИО, дату рождения, пол и ИИН', replaces: 'eGov' },
} as const satisfies Record<Jurisdiction, DevProviderLook>;

function layout(title: string, body: string, look: DevProviderLook = DEV_PROVIDER_LOOKS.ru): string {
  return `<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><p>${escapeHtml(look.name)} · тестовый вход</p></header>
<main>
${body}
</main>
</body>
</html>`;
}

const LEVEL_HINTS: Record<AccountLevel, string> = {
  verified: 'Личность подтверждена: можно подавать заявления.',
  standard: 'СНИЛС и паспорт проверены, личность не подтверждена: заявления подавать нельзя.',
  simplified: 'Только ФИО и контакты: заявления подавать нельзя.',
};

function formatBirthDate(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

function citizenItem(c: TestCitizen, loginAction: string): string {
  const name = fullName(c);
  const meta = [
    c.birthdate ? `дата рождения ${formatBirthDate(c.birthdate)}` : null,
    c.snils ? 'СНИЛС есть' : null,
    c.passport ? 'паспорт РФ' : null,
    c.iin ? `ИИН ${c.iin}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return `<li>
<p class="who">${escapeHtml(name)}</p>
<p class="meta">${escapeHtml(meta ? `${meta}. ${c.note}` : c.note)}</p>
<form method="post" action="${escapeHtml(loginAction)}">
<input type="hidden" name="account" value="${escapeHtml(c.sub)}">
<button type="submit">Войти как ${escapeHtml(name)}</button>
</form>
</li>`;
}

export function renderSignInPage(opts: {
  clientName: string;
  citizens: readonly TestCitizen[];
  /** Offer the form that signs in a synthetic citizen by seed (embedded databases only). */
  syntheticCitizens?: boolean;
  loginAction: string;
  abortAction: string;
  look?: DevProviderLook;
}): string {
  const look = opts.look ?? DEV_PROVIDER_LOOKS.ru;
  const groups = ACCOUNT_LEVELS.slice()
    .reverse()
    .map((level) => {
      const citizens = opts.citizens.filter((c) => c.level === level);
      if (!citizens.length) return '';
      const title = ACCOUNT_LEVEL_NAMES[level];
      return `<section aria-labelledby="level-${level}">
<h2 id="level-${level}">${escapeHtml(title[0]!.toUpperCase() + title.slice(1))} учётная запись</h2>
<p class="hint">${escapeHtml(LEVEL_HINTS[level])}</p>
<ul>${citizens.map((c) => citizenItem(c, opts.loginAction)).join('\n')}</ul>
</section>`;
    })
    .join('\n');
  return layout(
    `Вход через ${look.name} — тестовый поставщик`,
    `<h1>Вход через ${escapeHtml(look.name)}</h1>
<p>Сервис «${escapeHtml(opts.clientName)}» запрашивает ${escapeHtml(look.asks)}.</p>
<div class="warn"><p><strong>Это тестовый поставщик входа</strong> для разработки и демонстрации: он заменяет ${escapeHtml(look.replaces)}. Выберите тестового гражданина — пароль не нужен. Все данные вымышлены.</p></div>
${groups}
${opts.syntheticCitizens ? syntheticForm(opts.loginAction) : ''}
<form class="cancel" method="post" action="${escapeHtml(opts.abortAction)}">
<button type="submit" class="secondary">Отменить вход и вернуться</button>
</form>`,
    look,
  );
}

/** Automated tests sign in as a person of their own: an identity derived from a key (synthetic-citizens.ts). */
function syntheticForm(loginAction: string): string {
  return `<section aria-labelledby="synthetic">
<h2 id="synthetic">Синтетический гражданин</h2>
<p class="hint">Для автоматических тестов на встроенной базе: ФИО, дата рождения, СНИЛС и паспорт выводятся из ключа.</p>
<form method="post" action="${escapeHtml(loginAction)}">
<p><label for="synthetic-seed">Ключ синтетического гражданина</label><br>
<input id="synthetic-seed" name="synthetic" required minlength="8" maxlength="32" pattern="[a-z0-9]{8,32}" autocomplete="off"></p>
<button type="submit">Войти как синтетический гражданин</button>
</form>
</section>`;
}

export function renderErrorPage(title: string, detail: string): string {
  return layout(
    title,
    `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(detail)}</p>
<p>Вернитесь на сайт, с которого начали вход, и попробуйте ещё раз.</p>`,
  );
}
