import { insurerScreen, personScreen } from '../_journey/choice-fields';
import { personRow, type JourneyScreens } from '../_journey/journey-screen';
import { decidedScreen, Question, stopUnlessAllowed } from '../_journey/journey-ui';
import type { InsurerChangeOutcome, InsurerChangeView } from './journey';

/** Journey 3's words: change of insurer. */
export const insurerChangeScreens: JourneyScreens<InsurerChangeOutcome, InsurerChangeView> = {
  id: 'smena-smo',
  steps: {
    person: personScreen(),
    precheck: {
      stop: ({ view }) =>
        stopUnlessAllowed(
          view.precheck,
          'страховую компанию',
          (p) =>
            p.currentInsurer ? (
              <p>
                Сейчас: {p.currentInsurer}
                {p.region ? `, ${p.region}` : ''}. Полис продолжает действовать, ничего делать не нужно.
              </p>
            ) : null,
          <p>
            <a href="/lk">Вернуться в личный кабинет</a>
          </p>,
        ),
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
    insurer: insurerScreen(
      'Выберите новую страховую компанию',
      (view) =>
        `Здесь только страховые компании, которые работают в регионе «${view.precheck?.region ?? ''}». Сейчас: ${view.precheck?.currentInsurer ?? '—'}.`,
    ),
  },
  check: {
    rows: ({ view: { summary: s } }) => [
      ...personRow('За кого', s?.person),
      { label: 'Новая страховая компания', value: s?.insurer ?? '', step: 'insurer' },
    ],
    note: ({ view: { summary: s } }) => (
      <p>
        Сейчас: {s?.current}. Замена вступит в силу в день, когда заявление будет внесено в регистр, — обычно
        сразу после отправки. Номер полиса (ЕНП) не изменится.
      </p>
    ),
  },
  done: decidedScreen('Страховая компания сменена', 'В смене страховой компании отказано', (r) => (
    <>
      <p>
        С <strong data-testid="effective-date">{r.effectiveDate}</strong> ваша страховая медицинская
        организация — <strong>{r.insurerName}</strong>. Номер полиса (ЕНП) остался прежним, полис действует
        без перерыва.
      </p>
      <p>
        Сведения о новой страховой компании и её контакты — на странице <a href="/lk/polis">«Мой полис»</a>.
      </p>
    </>
  )),
};
