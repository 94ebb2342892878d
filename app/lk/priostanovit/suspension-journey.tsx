'use client';

import { useActionState, type ReactNode } from 'react';
import {
  CheckForm,
  DateField,
  DecidedConfirmation,
  errorOf,
  JourneyFrame,
  Question,
  Radios,
  StartPage,
  StepForm,
} from '../_journey/journey-ui';
import { suspensionStep, type SuspensionState } from './actions';

export function SuspensionJourney({
  initial,
  canStart,
  children,
}: {
  initial: SuspensionState;
  /** False when the start page explains why this citizen cannot apply (no «Начать»). */
  canStart: boolean;
  children: ReactNode;
}) {
  const [state, action] = useActionState(suspensionStep, initial);
  const view = state.view ?? {};
  let page: ReactNode;
  switch (state.step) {
    case 'reason':
      page = (
        <StepForm action={action} state={state} fields={['reason']}>
          <Radios
            name="reason"
            legend="На какую службу вы поступили?"
            headingLegend
            hint="На время службы медицинскую помощь оказывает ведомство, поэтому полис ОМС приостанавливается."
            value={state.answers.reason}
            error={errorOf(state, 'reason')}
            options={(view.grounds ?? []).map((g) => ({ value: g.code, label: g.label }))}
          />
        </StepForm>
      );
      break;
    case 'date':
      page = (
        <StepForm action={action} state={state} fields={['serviceStartDate']} back="reason">
          <Question caption={view.reasonLabel}>Когда началась служба?</Question>
          <DateField
            state={state}
            name="serviceStartDate"
            label="Дата начала службы"
            hint="ДД.ММ.ГГГГ — не позже сегодняшнего дня. Полис будет приостановлен с этого дня."
          />
        </StepForm>
      );
      break;
    case 'check':
      page = (
        <CheckForm
          action={action}
          state={state}
          rows={[
            { label: 'Основание', value: view.reasonLabel ?? '', step: 'reason' },
            { label: 'Дата начала службы', value: state.answers.serviceStartDate ?? '', step: 'date' },
          ]}
        >
          <p>
            Полис будет приостановлен с указанного дня. Номер полиса (ЕНП) сохранится; после окончания службы
            полис нужно возобновить.
          </p>
        </CheckForm>
      );
      break;
    case 'done': {
      const r = state.result!;
      page = (
        <DecidedConfirmation
          outcome={r}
          doneTitle="Полис приостановлен"
          refusedTitle="В приостановлении полиса отказано"
        >
          <p>
            Полис приостановлен с <strong data-testid="effective-date">{r.effectiveDate}</strong>:{' '}
            {r.reasonLabel.toLowerCase()}. На время службы медицинскую помощь оказывает ведомство.
          </p>
          <p>
            Когда служба закончится, <a href="/lk/vozobnovit">возобновите полис</a> — номер полиса останется
            прежним.
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
