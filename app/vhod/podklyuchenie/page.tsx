import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentStaffSession } from '@/lib/auth/session';
import { Enrolment } from '../_enrolment/enrolment';

export const metadata: Metadata = { title: 'Подключение второго фактора' };

/** An administrator without TOTP comes here straight after the password; no console page opens before. */
export default async function EnrolmentAtSignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string }>;
}) {
  const current = await currentStaffSession();
  if (current?.session.stage !== 'enrolment') redirect('/vhod');
  const { next } = await searchParams;
  const continueTo =
    typeof next === 'string' && /^\/[a-z0-9/_-]*$/i.test(next) && !next.startsWith('//') ? next : '/konsol';
  return (
    <>
      <h1>Подключение второго фактора</h1>
      <p>
        Для администратора ФФОМС вход по одному паролю не допускается. Подключите приложение, которое
        показывает одноразовые коды: они понадобятся при каждом входе.
      </p>
      <Enrolment sessionId={current.session.id} continueTo={continueTo} />
    </>
  );
}
