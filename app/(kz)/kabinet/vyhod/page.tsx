import type { Metadata } from 'next';
import Link from 'next/link';
import { SignOutForm } from '@/app/_components/citizen/sign-out-form';
import { currentCitizen } from '@/lib/auth/citizen';

export const metadata: Metadata = { title: 'Выход из личного кабинета' };

export default async function KzSignOutPage() {
  const citizen = await currentCitizen();
  if (!citizen) {
    return (
      <>
        <h1>Вы не в личном кабинете</h1>
        <p>
          Сеанс уже завершён. <Link href="/kabinet/vhod">Войти снова</Link> или перейти на{' '}
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
        eGov.
      </p>
      <SignOutForm label="Выйти из личного кабинета" />
    </>
  );
}
