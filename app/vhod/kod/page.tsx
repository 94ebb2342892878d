import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentStaffSession } from '@/lib/auth/session';
import { SecondFactorForm } from './second-factor-form';

export const metadata: Metadata = { title: 'Код подтверждения входа' };

export default async function SecondFactorPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string }>;
}) {
  const current = await currentStaffSession();
  if (current?.session.stage !== 'second_factor') redirect('/vhod');
  const { next } = await searchParams;
  return (
    <>
      <h1>Код подтверждения входа</h1>
      <p>Откройте приложение-аутентификатор и введите код для учётной записи {current.account.login}.</p>
      <SecondFactorForm next={typeof next === 'string' ? next : ''} />
    </>
  );
}
