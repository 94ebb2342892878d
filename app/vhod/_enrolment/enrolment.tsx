import { totpEnrolmentOffer } from '@/lib/auth/totp-enrolment';
import { totpQrSvg } from '@/lib/auth/totp-qr';
import { EnrolmentForm } from './enrolment-form';

/** Enrolment of an authenticator app: the QR code, the secret for typing in by hand, the confirming code. */
export async function Enrolment({ sessionId, continueTo }: { sessionId: string; continueTo: string }) {
  const offer = await totpEnrolmentOffer(sessionId);
  const qr = await totpQrSvg(offer.uri);
  return (
    <>
      <ol>
        <li>
          Установите на телефон приложение-аутентификатор (например, Яндекс Ключ, Google Authenticator или
          FreeOTP).
        </li>
        <li>Отсканируйте в приложении QR-код или введите ключ вручную.</li>
        <li>Введите код, который покажет приложение.</li>
      </ol>
      <div className="qr" dangerouslySetInnerHTML={{ __html: qr }} />
      <p>
        Ключ для ввода вручную (учётная запись {offer.login}):{' '}
        <code data-testid="totp-secret">{offer.secret.match(/.{1,4}/g)!.join(' ')}</code>
      </p>
      <EnrolmentForm continueTo={continueTo} />
    </>
  );
}
