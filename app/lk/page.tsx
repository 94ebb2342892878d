import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentCitizen } from '@/lib/auth/citizen';
import { ACCOUNT_LEVEL_NAMES } from '@/lib/auth/citizen-claims';
import { SignOutForm } from './vyhod/sign-out-form';

export const metadata: Metadata = { title: 'Личный кабинет' };

/** The cabinet's start page. Kept small: the journeys add their own sections and links. */
export default async function CabinetPage() {
  const citizen = await currentCitizen();
  if (!citizen) redirect('/lk/vhod');
  const { claims, actor } = citizen;
  const level = ACCOUNT_LEVEL_NAMES[claims.accountLevel];
  return (
    <>
      <div className="user-bar">
        <p>
          Вы вошли как <strong>{citizen.displayName}</strong>
        </p>
        <SignOutForm />
      </div>
      <h1>Личный кабинет</h1>
      <p className="lead">Здравствуйте, {[claims.firstName, claims.patronymic].filter(Boolean).join(' ')}!</p>
      <p>Учётная запись Госуслуг: {level}.</p>

      {actor.trusted ? null : (
        <div className="notice" role="region" aria-labelledby="unverified-title">
          <h2 id="unverified-title">Почему нельзя подать заявление</h2>
          <p>
            Ваша учётная запись на Госуслугах — {level}. Смотреть сведения можно, а подавать заявления —
            только с подтверждённой учётной записью: так мы уверены, что заявление подаёте именно вы.
          </p>
          {claims.accountLevel === 'simplified' ? (
            <p>
              Сначала укажите в профиле на Госуслугах паспорт и СНИЛС и дождитесь их проверки — учётная запись
              станет стандартной.
            </p>
          ) : null}
          <p>Подтвердить учётную запись на Госуслугах можно:</p>
          <ul>
            <li>лично в МФЦ или другом центре обслуживания — с паспортом и СНИЛС;</li>
            <li>онлайн через банк — в интернет-банке или приложении банка, если вы его клиент;</li>
            <li>через Почту России — заказным письмом с кодом подтверждения.</li>
          </ul>
          <p>После подтверждения выйдите из личного кабинета и войдите снова.</p>
        </div>
      )}

      {actor.personId === null ? (
        <p>
          {claims.accountLevel === 'simplified'
            ? 'По упрощённой учётной записи мы не можем найти вас в регистре застрахованных лиц.'
            : 'Мы не нашли вас в регистре застрахованных лиц.'}
        </p>
      ) : (
        <p>Ваши сведения найдены в регистре застрахованных лиц.</p>
      )}
      {actor.representedPersonIds.length > 0 ? (
        <p>Вы можете действовать за детей: {actor.representedPersonIds.length}.</p>
      ) : null}
    </>
  );
}
