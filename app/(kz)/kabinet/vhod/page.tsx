import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInError } from '@/app/_components/citizen/sign-in-error';
import { currentCitizen } from '@/lib/auth/citizen';
import { cabinetPath } from '@/lib/auth/citizen-paths';
import { citizenPortal } from '@/lib/auth/citizen-portal';

export const metadata: Metadata = { title: 'Вход в личный кабинет' };

/** The ОСМС cabinet's sign-in through eGov: a plain form post that starts the provider's flow. */
export default async function KzSignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; callbackUrl?: string; error?: string; csrf?: string }>;
}) {
  const params = await searchParams;
  const next = cabinetPath(params.next ?? params.callbackUrl);
  if (await currentCitizen()) redirect(next);
  const error = typeof params.error === 'string' ? params.error : params.csrf ? 'Csrf' : null;
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
