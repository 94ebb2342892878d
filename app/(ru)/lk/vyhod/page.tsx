import type { Metadata } from 'next';
import Link from 'next/link';
import { currentCitizen } from '@/lib/auth/citizen';
import { SignOutForm } from '@/app/_components/citizen/sign-out-form';

export const metadata: Metadata = { title: 'Выход из личного кабинета' };

export default async function CitizenSignOutPage() {
  const citizen = await currentCitizen();
  if (!citizen) {
    return (
      <>
        <h1>Вы не в личном кабинете</h1>
        <p>
          Сеанс уже завершён. <Link href="/lk/vhod">Войти снова</Link> или перейти на{' '}
          <Link href="/">главную страницу</Link>.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Выход из личного кабинета</h1>
      <p>
        Вы вошли как {citizen.displayName}. После выхода для работы в кабинете нужно будет снова войти через
        Госуслуги.
      </p>
      <SignOutForm label="Выйти из личного кабинета" />
    </>
  );
}
