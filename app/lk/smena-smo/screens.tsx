import { InsurerRadios } from '../_journey/choice-fields';
import type { JourneyScreens } from '../_journey/journey-screen';
import { DecidedConfirmation, PersonQuestion, Question } from '../_journey/journey-ui';
import type { InsurerChangeOutcome, InsurerChangeView } from './journey';

/** Journey 3's words: change of insurer. */
export const insurerChangeScreens: JourneyScreens<InsurerChangeOutcome, InsurerChangeView> = {
  id: 'smena-smo',
  steps: {
    person: {
      form: ({ state, view }) => <PersonQuestion state={state} people={view.people ?? []} />,
    },
    precheck: {
      stop: ({ view: { precheck: p } }) =>
        p?.allowed
          ? null
          : {
              caption: p?.person,
              what: 'страховую компанию',
              message: p?.message ?? '',
              nextAllowedDate: p?.nextAllowedDate ?? null,
              after: p?.currentInsurer ? (
                <p>
                  Сейчас: {p.currentInsurer}
                  {p.region ? `, ${p.region}` : ''}. Полис продолжает действовать, ничего делать не нужно.
                </p>
              ) : null,
              closing: (
                <p>
                  <a href="/lk">Вернуться в личный кабинет</a>
                </p>
              ),
            },
      form: ({ answers, view: { precheck: p } }) => (
        <>
          <input type="hidden" name="precheckFor" value={answers.person ?? 'self'} />
          <Question caption={p?.person}>Сменить страховую компанию можно</Question>
          <p data-testid="precheck">{p?.message}</p>
          <dl className="summary-list">
            <dt>Сейчас</dt>
            <dd>{p?.currentInsurer}</dd>
            <dt>Регион</dt>
            <dd>{p?.region}</dd>
          </dl>
          <p>На следующей странице выберите новую страховую компанию из тех, что работают в вашем регионе.</p>
        </>
      ),
    },
    insurer: {
      form: ({ state, view }) => (
        <InsurerRadios
          state={state}
          insurers={view.insurers}
          legend="Выберите новую страховую компанию"
          hint={`Здесь только страховые компании, которые работают в регионе «${view.precheck?.region ?? ''}». Сейчас: ${view.precheck?.currentInsurer ?? '—'}.`}
        />
      ),
    },
  },
  check: {
    rows: ({ view: { summary: s } }) => [
      ...(s?.person ? [{ label: 'За кого', value: s.person, step: 'person' }] : []),
      { label: 'Новая страховая компания', value: s?.insurer ?? '', step: 'insurer' },
    ],
    note: ({ view: { summary: s } }) => (
      <p>
        Сейчас: {s?.current}. Замена вступит в силу в день, когда заявление будет внесено в регистр, — обычно
        сразу после отправки. Номер полиса (ЕНП) не изменится.
      </p>
    ),
  },
  done: (r) => (
    <DecidedConfirmation
      outcome={r}
      doneTitle="Страховая компания сменена"
      refusedTitle="В смене страховой компании отказано"
    >
      <p>
        С <strong data-testid="effective-date">{r.effectiveDate}</strong> ваша страховая медицинская
        организация — <strong>{r.insurerName}</strong>. Номер полиса (ЕНП) остался прежним, полис действует
        без перерыва.
      </p>
      <p>
        Сведения о новой страховой компании и её контакты — на странице <a href="/lk/polis">«Мой полис»</a>.
      </p>
    </DecidedConfirmation>
  ),
};
