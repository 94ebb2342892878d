'use client';

import { useActionState, type ReactNode } from 'react';
import {
  CheckForm,
  DateField,
  DecidedConfirmation,
  JourneyFrame,
  Question,
  StartPage,
  StepForm,
} from '../_journey/journey-ui';
import { renewalStep, type RenewalState } from './actions';

export function RenewalJourney({
  initial,
  canStart,
  children,
}: {
  initial: RenewalState;
  /** False when the start page explains why this citizen cannot apply (no «Начать»). */
  canStart: boolean;
  children: ReactNode;
}) {
  const [state, action] = useActionState(renewalStep, initial);
  let page: ReactNode;
  switch (state.step) {
    case 'date':
      page = (
        <StepForm action={action} state={state} fields={['serviceEndDate']}>
          <Question>Когда закончилась служба?</Question>
          <DateField
            state={state}
            name="serviceEndDate"
            label="Дата окончания службы"
            hint="ДД.ММ.ГГГГ — не позже сегодняшнего дня. Полис снова будет действовать с этого дня."
          />
        </StepForm>
      );
      break;
    case 'check':
      page = (
        <CheckForm
          action={action}
          state={state}
          rows={[{ label: 'Дата окончания службы', value: state.answers.serviceEndDate ?? '', step: 'date' }]}
        >
          <p>
            Полис снова будет действовать с указанного дня; номер полиса (ЕНП) и страховая компания прежние.
          </p>
        </CheckForm>
      );
      break;
    case 'done': {
      const r = state.result!;
      page = (
        <DecidedConfirmation
          outcome={r}
          doneTitle="Полис возобновлён"
          refusedTitle="В возобновлении полиса отказано"
        >
          <p>
            Полис снова действует с <strong data-testid="effective-date">{r.effectiveDate}</strong>. Номер
            полиса (ЕНП) и страховая компания прежние.
          </p>
          <p>
            <a href="/lk/polis">Мой полис</a> — статус полиса, QR-код и выписка из регистра.
          </p>
        </DecidedConfirmation>
      );
      break;
    }
    default:
      page = (
        <StartPage action={action} canStart={canStart}>
          {children}
        </StartPage>
      );
  }
  return <JourneyFrame state={state}>{page}</JourneyFrame>;
}
