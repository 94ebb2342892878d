import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentCitizen } from '@/lib/auth/citizen';
import { cabinetPath } from '@/lib/auth/citizen-paths';
import { serviceAt } from '@/lib/portal/citizen-services';

export const metadata: Metadata = { title: 'Вход в личный кабинет' };

/** next-auth's error codes, as a person should read them. */
function errorMessage(code: string): string {
  switch (code) {
    case 'OAuthCallback':
    case 'Callback':
      return 'Вход через Госуслуги не завершён: он был отменён или занял слишком много времени. Попробуйте ещё раз.';
    case 'Claims':
      return 'Госуслуги не передали данные, нужные для входа (фамилию и имя). Проверьте профиль на Госуслугах и попробуйте ещё раз.';
    default:
      return 'Не удалось войти через Госуслуги. Попробуйте ещё раз немного позже.';
  }
}

export default async function CitizenSignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; callbackUrl?: string; error?: string; csrf?: string }>;
}) {
  const params = await searchParams;
  const next = cabinetPath(params.next ?? params.callbackUrl);
  if (await currentCitizen()) redirect(next);
  const error = typeof params.error === 'string' ? params.error : params.csrf ? 'Csrf' : null;
  // Someone who opened a service while signed out is told that the sign-in leads back to it.
  const service = serviceAt(next);
  return (
    <>
      {error ? (
        <div className="error-summary" role="alert" aria-labelledby="sign-in-error-title">
          <h2 id="sign-in-error-title">Не удалось войти</h2>
          <p>{errorMessage(error)}</p>
        </div>
      ) : null}
      <h1>Вход в личный кабинет</h1>
      {service ? (
        <p className="lead" data-testid="sign-in-purpose">
          Чтобы {service.purpose}, войдите через Госуслуги. После входа откроется страница «{service.title}».
        </p>
      ) : (
        <p className="lead">
          Войдите через Госуслуги, чтобы посмотреть свой полис ОМС, подать заявление и действовать за своих
          детей.
        </p>
      )}
      <p>
        Подавать заявления можно с подтверждённой учётной записью Госуслуг. Войти и посмотреть сведения можно
        и с упрощённой или стандартной.
      </p>
      {/* A plain form post: the sign-in starts on the server, with or without JavaScript. */}
      <form method="post" action="/lk/vhod/esia">
        <input type="hidden" name="next" value={next} />
        <button className="button" type="submit">
          Войти через Госуслуги (ЕСИА)
        </button>
      </form>
    </>
  );
}
