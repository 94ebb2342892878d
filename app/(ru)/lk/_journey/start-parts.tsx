import type { ReactNode } from 'react';
import { NOT_VERIFIED_MESSAGE } from '@/lib/auth/citizen-actor';
import { ACCOUNT_LEVEL_NAMES, type CitizenClaims } from '@/lib/auth/citizen-claims';

/**
 * How an account gets verified on Gosuslugi (and, for a simplified one, what comes first); `where` names
 * the place when the sentence needs it.
 */
export function HowToVerify({ claims, where = '' }: { claims: CitizenClaims; where?: string }) {
  return (
    <>
      {claims.accountLevel === 'simplified' ? (
        <p>
          Сначала укажите в профиле на Госуслугах паспорт и СНИЛС и дождитесь их проверки — учётная запись
          станет стандартной.
        </p>
      ) : null}
      <p>Подтвердить учётную запись{where} можно:</p>
      <ul>
        <li>лично в МФЦ или другом центре обслуживания — с паспортом и СНИЛС;</li>
        <li>онлайн через банк — в интернет-банке или приложении банка, если вы его клиент;</li>
        <li>через Почту России — заказным письмом с кодом подтверждения.</li>
      </ul>
      <p>После подтверждения выйдите из личного кабинета и войдите снова.</p>
    </>
  );
}

/** Why an unverified account cannot apply, and how to get verified (instead of the «Начать» button). */
export function UnverifiedNotice({ claims }: { claims: CitizenClaims }) {
  return (
    <div className="notice" role="region" aria-labelledby="cannot-apply-title" data-testid="cannot-apply">
      <h2 id="cannot-apply-title">Почему нельзя подать заявление</h2>
      <p>{NOT_VERIFIED_MESSAGE}</p>
      <p>Ваша учётная запись на Госуслугах — {ACCOUNT_LEVEL_NAMES[claims.accountLevel]}.</p>
      <HowToVerify claims={claims} />
    </div>
  );
}

/** For journeys about an existing policy, when the citizen is not in the register yet. */
export function NotInRegisterNotice({ children }: { children?: ReactNode }) {
  return (
    <div className="notice" role="region" aria-labelledby="not-in-register-title" data-testid="cannot-apply">
      <h2 id="not-in-register-title">Сначала оформите полис</h2>
      <p>Мы не нашли вас в регистре застрахованных лиц, поэтому это заявление подать пока нельзя.</p>
      {children}
      <p>
        <a href="/lk/poluchit-polis">Получить электронный полис ОМС</a>
      </p>
    </div>
  );
}

/** The citizen's own policy status, on the start page of a journey about it. */
export function PolicyStatusLine({ policy }: { policy: { text: string } | null }) {
  return policy ? (
    <p data-testid="policy-status">
      <strong>Ваш полис сейчас:</strong> {policy.text}
    </p>
  ) : null;
}

/** Why this journey does not apply to the citizen's policy as it is now (instead of «Начать»). */
export function NotApplicableNotice({
  id,
  title,
  children,
}: {
  id: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <div className="notice" role="region" aria-labelledby={id} data-testid="cannot-apply">
      <h2 id={id}>{title}</h2>
      {children}
    </div>
  );
}
