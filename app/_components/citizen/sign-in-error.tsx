import type { Jurisdiction } from '@/config/env';

/** next-auth's error codes, as a person should read them, in the words of each country's provider. */
const MESSAGES: Record<Jurisdiction, { cancelled: string; claims: string; other: string }> = {
  ru: {
    cancelled:
      'Вход через Госуслуги не завершён: он был отменён или занял слишком много времени. Попробуйте ещё раз.',
    claims:
      'Госуслуги не передали данные, нужные для входа (фамилию и имя). Проверьте профиль на Госуслугах и попробуйте ещё раз.',
    other: 'Не удалось войти через Госуслуги. Попробуйте ещё раз немного позже.',
  },
  kz: {
    cancelled:
      'Вход через eGov не завершён: он был отменён или занял слишком много времени. Попробуйте ещё раз.',
    claims:
      'eGov не передал данные, нужные для входа (фамилию, имя и ИИН). Проверьте профиль в eGov и попробуйте ещё раз.',
    other: 'Не удалось войти через eGov. Попробуйте ещё раз немного позже.',
  },
};

export function signInErrorMessage(jurisdiction: Jurisdiction, code: string): string {
  const m = MESSAGES[jurisdiction];
  switch (code) {
    case 'OAuthCallback':
    case 'Callback':
      return m.cancelled;
    case 'Claims':
      return m.claims;
    default:
      return m.other;
  }
}

/** The sign-in page's error summary, when the provider's flow came back with an error. */
export function SignInError({ jurisdiction, code }: { jurisdiction: Jurisdiction; code: string | null }) {
  if (!code) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="sign-in-error-title">
      <h2 id="sign-in-error-title">Не удалось войти</h2>
      <p>{signInErrorMessage(jurisdiction, code)}</p>
    </div>
  );
}
