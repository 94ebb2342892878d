import { Fragment } from 'react';
import { insurerScreen, regionScreen } from '../_journey/choice-fields';
import { Confirmation } from '../_journey/journey-parts';
import type { JourneyScreens } from '../_journey/journey-screen';
import { ClosedConfirmation, Repeated, ReviewReasons, WaitingConfirmation } from '../_journey/journey-ui';
import type { PolicyOutcome, PolicyView } from './journey';

function Outcome({ r }: { r: PolicyOutcome }) {
  const repeated = <Repeated repeated={r.repeated} />;
  switch (r.outcome) {
    case 'issued':
    case 'existing':
      return (
        <Confirmation
          title={r.outcome === 'issued' ? 'Полис ОМС оформлен' : 'У вас уже есть полис ОМС'}
          number={r.number ?? undefined}
        >
          {repeated}
          <p className="lead">
            Номер полиса (ЕНП):{' '}
            <strong className="enp" data-testid="enp">
              {r.enp}
            </strong>
          </p>
          <h2>Что дальше</h2>
          {r.outcome === 'issued' ? (
            <p>
              Полис действует{r.coverageFrom ? ` с ${r.coverageFrom}` : ''}, страховая компания —{' '}
              {r.insurerName}. Электронный полис — это номер ЕНП: называйте его в поликлинике или покажите
              QR-код со страницы «Мой полис». Пластиковая карта или бумажный бланк не нужны.
            </p>
          ) : (
            <p>Новое заявление не нужно: полис и его QR-код — на странице «Мой полис».</p>
          )}
          <p>
            <a href="/lk/polis">Мой полис</a> — QR-код, выписка из регистра в PDF и контакты страховой
            компании.
          </p>
          <p>
            Следующий шаг — <a href="/lk/poliklinika">прикрепиться к поликлинике</a>.
          </p>
        </Confirmation>
      );
    case 'queued':
      return (
        <WaitingConfirmation
          number={r.number ?? undefined}
          repeated={r.repeated}
          dueProvisional={r.dueProvisional}
        >
          <p>
            Автоматическая проверка не смогла оформить полис сразу, поэтому заявление рассмотрит сотрудник
            страховой медицинской организации до <strong data-testid="due">{r.dueAt}</strong> (по московскому
            времени).
          </p>
          <ReviewReasons reasons={r.reviewReasons} />
          <p>Пока заявление рассматривается, право на бесплатную медицинскую помощь по ОМС сохраняется.</p>
        </WaitingConfirmation>
      );
    default:
      return (
        <ClosedConfirmation
          title={r.outcome === 'refused' ? 'В оформлении полиса отказано' : 'Заявление отменено'}
          number={r.number ?? undefined}
          repeated={r.repeated}
          refusal={r.refusal}
        >
          <p>С паспортом можно обратиться в любую страховую медицинскую организацию вашего региона.</p>
        </ClosedConfirmation>
      );
  }
}

/** Journey 1's words: the electronic policy for a citizen with a passport. */
export const policyScreens: JourneyScreens<PolicyOutcome, PolicyView> = {
  id: 'poluchit-polis',
  steps: {
    region: regionScreen({
      question: 'В каком регионе вы живёте?',
      label: 'Регион (субъект РФ)',
      hint: 'Там, где вы живёте сейчас, — даже без регистрации по месту жительства.',
    }),
    insurer: insurerScreen(
      'Выберите страховую медицинскую организацию',
      (view) =>
        `Страховые компании, которые работают в регионе «${view.region ?? ''}». Она выдаст полис и поможет, если с медицинской помощью что-то не так.`,
    ),
  },
  check: {
    rows: ({ view: { summary: s } }) => [
      { label: 'Регион', value: s?.region ?? '', step: 'region' },
      { label: 'Страховая компания', value: s?.insurer ?? '', step: 'insurer' },
    ],
    note: ({ view: { summary: s } }) => (
      <>
        <h2>Данные из Госуслуг</h2>
        <dl className="summary-list journey-identity">
          {(s?.identity ?? []).map((row) => (
            <Fragment key={row.label}>
              <dt>{row.label}</dt>
              <dd>{row.value}</dd>
            </Fragment>
          ))}
        </dl>
        <p>
          Эти данные подтверждены Госуслугами и здесь не меняются. Если в них ошибка, исправьте её в профиле
          на Госуслугах и войдите снова.
        </p>
        <p>
          Отправляя заявление, вы соглашаетесь, что эти данные будут внесены в регистр застрахованных лиц.
        </p>
      </>
    ),
  },
  done: (r) => <Outcome r={r} />,
};
