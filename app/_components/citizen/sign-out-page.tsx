import type { Metadata } from 'next';
import Link from 'next/link';
import { currentCitizen } from '@/lib/auth/citizen';
import { citizenPortal } from '@/lib/auth/citizen-portal';
import { SignOutForm } from './sign-out-form';

export const signOutMetadata: Metadata = { title: 'Выход из личного кабинета' };

/** The cabinet's sign-out page (/lk/vyhod; /kabinet/vyhod): one button, or word that the session is over. */
export async function CitizenSignOut({ provider }: { provider: string }) {
  const citizen = await currentCitizen();
  if (!citizen) {
    return (
      <>
        <h1>Вы не в личном кабинете</h1>
        <p>
          Сеанс уже завершён. <Link href={citizenPortal().signIn}>Войти снова</Link> или перейти на{' '}
          <Link href="/">главную страницу</Link>.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Выход из личного кабинета</h1>
      <p>
        Вы вошли как {citizen.displayName}. После выхода для работы в кабинете нужно будет снова войти через{' '}
        {provider}.
      </p>
      <SignOutForm label="Выйти из личного кабинета" />
    </>
  );
}
