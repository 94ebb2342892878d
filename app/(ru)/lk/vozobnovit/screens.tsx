import type { DecidedOutcome } from '../_journey/decided';
import type { JourneyScreens } from '../_journey/journey-screen';
import { DateField, decidedScreen, Question } from '../_journey/journey-ui';

/** Journey 5's words (renew): the policy in force again after the service. */
export const renewalScreens: JourneyScreens<DecidedOutcome, null> = {
  id: 'vozobnovit',
  steps: {
    date: {
      form: ({ state }) => (
        <>
          <Question>Когда закончилась служба?</Question>
          <DateField
            state={state}
            name="serviceEndDate"
            label="Дата окончания службы"
            hint="ДД.ММ.ГГГГ — не позже сегодняшнего дня. Полис снова будет действовать с этого дня."
          />
        </>
      ),
    },
  },
  check: {
    rows: ({ answers }) => [
      { label: 'Дата окончания службы', value: answers.serviceEndDate ?? '', step: 'date' },
    ],
    note: () => (
      <p>Полис снова будет действовать с указанного дня; номер полиса (ЕНП) и страховая компания прежние.</p>
    ),
  },
  done: decidedScreen('Полис возобновлён', 'В возобновлении полиса отказано', (r) => (
    <>
      <p>
        Полис снова действует с <strong data-testid="effective-date">{r.effectiveDate}</strong>. Номер полиса
        (ЕНП) и страховая компания прежние.
      </p>
      <p>
        <a href="/lk/polis">Мой полис</a> — статус полиса, QR-код и выписка из регистра.
      </p>
    </>
  )),
};
