import type { JourneyScreens } from '../_journey/journey-screen';
import { DateField, decidedScreen, errorOf, Question, Radios } from '../_journey/journey-ui';
import type { SuspensionOutcome, SuspensionView } from './journey';

/** Journey 5's words (suspend): the policy suspended for the time of service. */
export const suspensionScreens: JourneyScreens<SuspensionOutcome, SuspensionView> = {
  id: 'priostanovit',
  steps: {
    reason: {
      form: ({ state, view }) => (
        <Radios
          name="reason"
          legend="На какую службу вы поступили?"
          headingLegend
          hint="На время службы медицинскую помощь оказывает ведомство, поэтому полис ОМС приостанавливается."
          value={state.answers.reason}
          error={errorOf(state, 'reason')}
          options={(view.grounds ?? []).map((g) => ({ value: g.code, label: g.label }))}
        />
      ),
    },
    date: {
      form: ({ state, view }) => (
        <>
          <Question caption={view.reasonLabel}>Когда началась служба?</Question>
          <DateField
            state={state}
            name="serviceStartDate"
            label="Дата начала службы"
            hint="ДД.ММ.ГГГГ — не позже сегодняшнего дня. Полис будет приостановлен с этого дня."
          />
        </>
      ),
    },
  },
  check: {
    rows: ({ answers, view }) => [
      { label: 'Основание', value: view.reasonLabel ?? '', step: 'reason' },
      { label: 'Дата начала службы', value: answers.serviceStartDate ?? '', step: 'date' },
    ],
    note: () => (
      <p>
        Полис будет приостановлен с указанного дня. Номер полиса (ЕНП) сохранится; после окончания службы
        полис нужно возобновить.
      </p>
    ),
  },
  done: decidedScreen('Полис приостановлен', 'В приостановлении полиса отказано', (r) => (
    <>
      <p>
        Полис приостановлен с <strong data-testid="effective-date">{r.effectiveDate}</strong>:{' '}
        {r.reasonLabel.toLowerCase()}. На время службы медицинскую помощь оказывает ведомство.
      </p>
      <p>
        Когда служба закончится, <a href="/lk/vozobnovit">возобновите полис</a> — номер полиса останется
        прежним.
      </p>
    </>
  )),
};
