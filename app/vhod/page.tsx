import type { Metadata } from 'next';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Вход для сотрудников' };

export default async function StaffSignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string }>;
}) {
  const { next } = await searchParams;
  return (
    <>
      <h1>Вход для сотрудников</h1>
      <p>
        Для регистраторов медицинских организаций, сотрудников фондов ОМС и страховых медицинских организаций.
      </p>
      <SignInForm next={typeof next === 'string' ? next : ''} />
    </>
  );
}
