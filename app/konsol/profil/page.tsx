import type { Metadata } from 'next';
import { formatDateRu, moscowDate } from '@/lib/domain/dates';
import { currentStaffSession } from '@/lib/auth/session';
import { requireStaff } from '@/lib/auth/staff-context';
import { Enrolment } from '../../vhod/_enrolment/enrolment';
import { signOutOnAllDevices } from './actions';
import { PasswordForm } from './password-form';

export const metadata: Metadata = { title: 'Профиль' };

export default async function ProfilePage() {
  const staff = await requireStaff('/konsol/profil');
  const account = (await currentStaffSession())!.account;
  return (
    <>
      <h1>Профиль</h1>
      <p>
        Учётная запись <strong>{staff.login}</strong>
        {account.lastSignInAt ? `, последний вход ${formatDateRu(moscowDate(account.lastSignInAt))}` : ''}.
      </p>

      <h2>Второй фактор</h2>
      {account.totpEnabledAt ? (
        <p data-testid="totp-status">
          Подключён {formatDateRu(moscowDate(account.totpEnabledAt))}: при входе нужен код из приложения или
          резервный код. Если телефон потерян, попросите администратора сбросить второй фактор.
        </p>
      ) : (
        <>
          <p data-testid="totp-status">
            Не подключён. Подключите приложение с одноразовыми кодами: вход по одному паролю менее надёжен.
          </p>
          <Enrolment sessionId={staff.sessionId} continueTo="/konsol/profil" />
        </>
      )}

      <h2>Смена пароля</h2>
      <PasswordForm />

      <h2>Выход на всех устройствах</h2>
      <p>
        Завершает все сеансы этой учётной записи, включая текущий, например если вы забыли выйти на чужом
        компьютере.
      </p>
      <form action={signOutOnAllDevices}>
        <button className="button button--secondary" type="submit">
          Выйти на всех устройствах
        </button>
      </form>
    </>
  );
}
