import type { Metadata } from 'next';
import { signInTarget, type SignInSearchParams } from '@/app/_components/citizen/sign-in-target';
import { SignInError } from '@/app/_components/citizen/sign-in-error';
import { citizenPortal } from '@/lib/auth/citizen-portal';

export const metadata: Metadata = { title: 'Вход в личный кабинет' };

/** The ОСМС cabinet's sign-in through eGov: a plain form post that starts the provider's flow. */
export default async function KzSignInPage({ searchParams }: { searchParams: SignInSearchParams }) {
  const { next, error } = await signInTarget(searchParams);
  return (
    <>
      <SignInError jurisdiction="kz" code={error} />
      <h1>Вход в личный кабинет</h1>
      <p className="lead">
        Войдите через eGov, чтобы увидеть свой статус в системе ОСМС, взносы по месяцам с суммами и
        плательщиками, льготные категории и загрузить документ о льготной категории.
      </p>
      <p>
        Загружать документы можно с подтверждённой учётной записью eGov. Статус без входа можно узнать на
        странице <a href="/proverka-statusa">проверки статуса по ИИН</a>.
      </p>
      <form method="post" action={citizenPortal().signInStart}>
        <input type="hidden" name="next" value={next} />
        <button className="button" type="submit">
          Войти через eGov
        </button>
      </form>
    </>
  );
}
