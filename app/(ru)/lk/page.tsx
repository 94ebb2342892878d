import type { Metadata } from 'next';
import { ACCOUNT_LEVEL_NAMES } from '@/lib/auth/citizen-claims';
import { formatEnp } from '@/lib/domain/ru/enp';
import { getMyPolicy, type MyPolicy } from '@/lib/portal/get-my-policy';
import { JOURNEYS, SECTIONS } from '@/lib/portal/citizen-services';
import { listMyPeople } from '@/lib/portal/list-my-people';
import { dateRu, settle, signedInCitizen } from './_cabinet/cabinet';
import { ServiceCards } from '@/app/_components/service-cards';
import { PolicyStatusTag, personName } from './_cabinet/parts';
import { HowToVerify } from './_journey/start-parts';

export const metadata: Metadata = { title: 'Личный кабинет' };

/** The cabinet's start page: who is signed in, whose policies they see, and every journey. */
export default async function CabinetPage() {
  const citizen = await signedInCitizen('/lk');
  const { claims, actor } = citizen;
  const level = ACCOUNT_LEVEL_NAMES[claims.accountLevel];
  // The register's people and their policies at once: the ids resolved at sign-in time of this request
  // start the policy reads; anyone only the register's own lookup finds is read after.
  const policyOf = (personId: number) =>
    settle(getMyPolicy({ subjectPersonId: personId }, actor)).then((o) => (o.ok ? o.value : null));
  const early = new Map<number, Promise<MyPolicy | null>>(
    [actor.personId, ...actor.representedPersonIds]
      .filter((id): id is number => id !== null)
      .map((id) => [id, policyOf(id)]),
  );
  const people = await listMyPeople(actor);
  const policies = await Promise.all(people.map((p) => early.get(p.personId) ?? policyOf(p.personId)));
  await Promise.all(early.values()); // none left unawaited (a bug there still reaches the error page)
  const inRegister = people.some((p) => p.self);

  return (
    <>
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
          <HowToVerify claims={claims} where=" на Госуслугах" />
        </div>
      )}

      {inRegister ? (
        <p>Ваши сведения найдены в регистре застрахованных лиц.</p>
      ) : (
        <div className="panel panel--action" data-testid="not-in-register">
          <p>
            {claims.accountLevel === 'simplified'
              ? 'По упрощённой учётной записи мы не можем найти вас в регистре застрахованных лиц.'
              : 'Мы не нашли вас в регистре застрахованных лиц.'}
          </p>
          <p>
            Если полиса ОМС у вас нет, оформите электронный полис: единый номер полиса (ЕНП) выдаётся сразу,
            когда проверки пройдены, или в течение рабочего дня.
          </p>
          <p>
            <a className="button" href="/lk/poluchit-polis">
              Оформить полис ОМС
            </a>
          </p>
        </div>
      )}
      {actor.representedPersonIds.length > 0 ? (
        <p>Вы можете действовать за детей: {actor.representedPersonIds.length}.</p>
      ) : null}

      {people.length > 0 ? (
        <>
          <h2>{people.length > 1 ? 'Полисы — ваш и детей' : 'Ваш полис'}</h2>
          <ul className="people-list">
            {people.map((p, i) => {
              const policy = policies[i];
              const query = p.self ? '' : `?chelovek=${p.personId}`;
              return (
                <li key={p.personId} className="panel" data-testid="person-card">
                  <h3>
                    {personName(p)}
                    {p.self ? null : <span className="hint-inline"> — ребёнок</span>}
                  </h3>
                  <dl className="summary-list">
                    <dt>Дата рождения</dt>
                    <dd>{dateRu(p.birthDate)}</dd>
                    <dt>ЕНП</dt>
                    <dd className="enp">{formatEnp(p.enp)}</dd>
                    <dt>Полис</dt>
                    <dd>{policy ? <PolicyStatusTag status={policy.status.status} /> : 'нет сведений'}</dd>
                    {policy?.insurer ? (
                      <>
                        <dt>Страховая компания</dt>
                        <dd>{policy.insurer.nameShort}</dd>
                      </>
                    ) : null}
                  </dl>
                  <ul className="link-list">
                    <li>
                      <a href={`/lk/polis${query}`}>
                        Полис и выписка<span className="visually-hidden">: {personName(p)}</span>
                      </a>
                    </li>
                    <li>
                      <a href={`/lk/prosmotry${query}`}>
                        Кто смотрел полис<span className="visually-hidden">: {personName(p)}</span>
                      </a>
                    </li>
                  </ul>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}

      <h2>Заявления</h2>
      {actor.trusted ? null : (
        <p className="hint">Подать заявление можно после подтверждения учётной записи Госуслуг.</p>
      )}
      <ServiceCards services={JOURNEYS} />

      <h2>Сведения</h2>
      <ServiceCards services={SECTIONS} />
    </>
  );
}
