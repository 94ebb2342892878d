import type { Metadata } from 'next';
import { formatEnp } from '@/lib/domain/ru/enp';
import { getMyPolicy, type MyPolicy } from '@/lib/portal/get-my-policy';
import { listMyPeople } from '@/lib/portal/list-my-people';
import { policyQrSvg } from '@/lib/portal/policy-qr';
import {
  dateRu,
  firstParam,
  personChoice,
  settle,
  signedInCitizen,
  type SearchParams,
} from '../_cabinet/cabinet';
import { PersonSwitcher, PolicyStatusTag, RefusalPanel, personName } from '../_cabinet/parts';

export const metadata: Metadata = { title: 'Мой полис ОМС' };

const STATUS_HEADINGS: Record<MyPolicy['status']['status'], string> = {
  active: 'Полис действует',
  suspended: 'Полис приостановлен',
  terminated: 'Действие полиса прекращено',
  none: 'Полис не действует',
};

const STATUS_TONES: Record<MyPolicy['status']['status'], string> = {
  active: 'ok',
  suspended: 'warn',
  terminated: 'bad',
  none: 'bad',
};

const FORMS: Record<NonNullable<MyPolicy['coverage']>['form'], string> = {
  electronic: 'электронный полис (ЕНП)',
  paper_extract: 'выписка из регистра на бумаге',
  legacy_card: 'полис старого образца — действует, менять не нужно',
};

/** Journey 7, «Мой полис»: the citizen's or a child's policy, its QR code and the PDF extract. */
export default async function MyPolicyPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const chosen = personChoice(params.chelovek);
  const citizen = await signedInCitizen(
    `/lk/polis${chosen !== undefined ? `?chelovek=${firstParam(params.chelovek)}` : ''}`,
  );
  const [people, outcome] = await Promise.all([
    listMyPeople(citizen.actor),
    settle(getMyPolicy({ subjectPersonId: chosen }, citizen.actor)),
  ]);
  const extractFailed = firstParam(params.vypiska) === 'oshibka';

  if (!outcome.ok) {
    return (
      <>
        <h1>Полис ОМС</h1>
        <RefusalPanel refusal={outcome.refusal} />
      </>
    );
  }

  const policy = outcome.value;
  const p = policy.person;
  const name = personName(p);
  const query = policy.self ? '' : `?chelovek=${policy.personId}`;
  const qr = await policyQrSvg(policy.enp);
  const { status } = policy;

  return (
    <>
      <h1>{policy.self ? 'Мой полис ОМС' : `Полис ОМС: ${name}`}</h1>
      <PersonSwitcher
        people={people}
        currentId={policy.personId}
        basePath="/lk/polis"
        label="Чей полис показать"
      />
      {extractFailed ? (
        <div className="error-summary" role="alert" aria-labelledby="extract-error-title">
          <h2 id="extract-error-title">Выписку сформировать не удалось</h2>
          <p>Попробуйте ещё раз. Если ошибка повторится, обратитесь в свою страховую компанию.</p>
        </div>
      ) : null}

      <div className={`status status--${STATUS_TONES[status.status]}`} data-testid="policy-status">
        <h2>{STATUS_HEADINGS[status.status]}</h2>
        <p>{status.text}</p>
        {status.status !== 'active' ? (
          <dl className="summary-list">
            <dt>С какого дня</dt>
            <dd>{status.since ? dateRu(status.since) : 'нет сведений'}</dd>
            <dt>Почему</dt>
            <dd>{status.reasonText ?? 'нет действующего периода страхования'}</dd>
          </dl>
        ) : null}
        {status.nextStep ? <p>{status.nextStep}</p> : null}
      </div>

      <div className="policy-card">
        <dl className="summary-list policy-card__facts" data-testid="policy-facts">
          <dt>Застрахованное лицо</dt>
          <dd>{name}</dd>
          <dt>Дата рождения</dt>
          <dd>{dateRu(p.birthDate)}</dd>
          <dt>ЕНП</dt>
          <dd className="enp" data-testid="enp">
            {formatEnp(policy.enp)}
          </dd>
          <dt>Статус</dt>
          <dd>
            <PolicyStatusTag status={status.status} />
            {status.since ? ` с ${dateRu(status.since)}` : null}
          </dd>
          {policy.coverage ? (
            <>
              <dt>Форма полиса</dt>
              <dd>{FORMS[policy.coverage.form]}</dd>
              <dt>Застрахован в этой компании с</dt>
              <dd>{dateRu(policy.coverage.insuredWithInsurerSince)}</dd>
              {policy.coverage.validTo ? (
                <>
                  <dt>Действует до</dt>
                  <dd>{dateRu(policy.coverage.validTo)} (не включая)</dd>
                </>
              ) : null}
            </>
          ) : null}
          <dt>Регион страхования</dt>
          <dd>{policy.region ? policy.region.name : 'нет сведений'}</dd>
        </dl>
        <figure className="policy-qr" data-testid="policy-qr">
          {/* The SVG comes from our own QR encoder over a validated 16-digit ЕНП: no outside markup. */}
          <div className="policy-qr__image" dangerouslySetInnerHTML={{ __html: qr }} />
          <figcaption>QR-код с ЕНП: покажите его в регистратуре поликлиники.</figcaption>
        </figure>
      </div>

      <h2>Страховая медицинская организация</h2>
      {policy.insurer ? (
        <dl className="summary-list" data-testid="insurer">
          <dt>Название</dt>
          <dd>
            {policy.insurer.nameShort}
            {policy.insurer.nameFull !== policy.insurer.nameShort ? (
              <span className="hint-block">{policy.insurer.nameFull}</span>
            ) : null}
          </dd>
          <dt>Телефон</dt>
          <dd>
            <a href={`tel:${policy.insurer.phone.replace(/[^\d+]/g, '')}`}>{policy.insurer.phone}</a>
          </dd>
          {policy.insurer.hotLine ? (
            <>
              <dt>Горячая линия</dt>
              <dd>
                <a href={`tel:${policy.insurer.hotLine.replace(/[^\d+]/g, '')}`}>{policy.insurer.hotLine}</a>
              </dd>
            </>
          ) : null}
          {policy.insurer.email ? (
            <>
              <dt>Электронная почта</dt>
              <dd>
                <a href={`mailto:${policy.insurer.email}`}>{policy.insurer.email}</a>
              </dd>
            </>
          ) : null}
          {policy.insurer.website ? (
            <>
              <dt>Сайт</dt>
              <dd className="break">{policy.insurer.website}</dd>
            </>
          ) : null}
          <dt>Адрес</dt>
          <dd>{policy.insurer.address}</dd>
        </dl>
      ) : (
        <p>Страховая компания не выбрана.</p>
      )}
      {policy.insurer && policy.self && status.status === 'active' ? (
        <p>
          <a href="/lk/smena-smo">Сменить страховую компанию</a>
        </p>
      ) : null}

      <h2>Поликлиника</h2>
      {policy.clinic ? (
        <dl className="summary-list" data-testid="clinic">
          <dt>Название</dt>
          <dd>{policy.clinic.nameShort}</dd>
          <dt>Адрес</dt>
          <dd>{policy.clinic.address}</dd>
          {policy.clinic.phone ? (
            <>
              <dt>Телефон</dt>
              <dd>
                <a href={`tel:${policy.clinic.phone.replace(/[^\d+]/g, '')}`}>{policy.clinic.phone}</a>
              </dd>
            </>
          ) : null}
          <dt>Прикреплён с</dt>
          <dd>{dateRu(policy.clinic.attachedSince)}</dd>
        </dl>
      ) : (
        <p>Прикрепления к поликлинике нет.</p>
      )}
      <p>
        <a href="/lk/poliklinika">
          {policy.clinic ? 'Прикрепиться к другой поликлинике' : 'Прикрепиться к поликлинике'}
        </a>
      </p>

      <h2>Выписка из регистра</h2>
      <p>
        Выписка из единого регистра застрахованных лиц — документ в PDF с ЕНП, страховой компанией и статусом
        полиса на сегодня. На ней есть код: по нему любая поликлиника проверит выписку на сайте.
      </p>
      {/* A plain form post: the file downloads with or without JavaScript. */}
      <form method="post" action="/lk/polis/vypiska">
        {policy.self ? null : <input type="hidden" name="chelovek" value={policy.personId} />}
        <button className="button" type="submit">
          Скачать выписку (PDF)
        </button>
      </form>

      <h2>Ещё по этому полису</h2>
      <ul className="link-list">
        <li>
          <a href={`/lk/prosmotry${query}`}>Кто смотрел полис</a>
        </li>
        <li>
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- the cabinet uses plain links (full page loads keep the frame's unread count fresh) */}
          <a href="/lk/zayavleniya">Мои заявления</a>
        </li>
        {status.status === 'active' && policy.self ? (
          <>
            <li>
              <a href="/lk/pereezd">Сменить регион страхования (переезд)</a>
            </li>
            <li>
              <a href="/lk/priostanovit">Приостановить полис</a>
            </li>
          </>
        ) : null}
        {status.status === 'suspended' && policy.self ? (
          <li>
            <a href="/lk/vozobnovit">Возобновить полис</a>
          </li>
        ) : null}
      </ul>
    </>
  );
}
