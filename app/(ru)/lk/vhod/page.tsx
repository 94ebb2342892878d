import type { Metadata } from 'next';
import { signInTarget, type SignInSearchParams } from '@/app/_components/citizen/sign-in-target';
import { serviceAt } from '@/lib/portal/citizen-services';
import { SignInError } from '@/app/_components/citizen/sign-in-error';

export const metadata: Metadata = { title: 'Вход в личный кабинет' };

export default async function CitizenSignInPage({ searchParams }: { searchParams: SignInSearchParams }) {
  const { next, error } = await signInTarget(searchParams);
  // Someone who opened a service while signed out is told that the sign-in leads back to it.
  const service = serviceAt(next);
  return (
    <>
      <SignInError jurisdiction="ru" code={error} />
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
