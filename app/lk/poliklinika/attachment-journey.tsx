'use client';

import { useActionState, type ReactNode } from 'react';
import {
  CheckForm,
  DecidedConfirmation,
  errorOf,
  JourneyFrame,
  PersonStep,
  Question,
  Radios,
  StartPage,
  StepForm,
} from '../_journey/journey-ui';
import { attachmentStep, type AttachmentState } from './actions';

export function AttachmentJourney({
  initial,
  canStart,
  children,
}: {
  initial: AttachmentState;
  /** False when the start page explains why this citizen cannot apply (no «Начать»). */
  canStart: boolean;
  children: ReactNode;
}) {
  const [state, action] = useActionState(attachmentStep, initial);
  const view = state.view ?? {};
  const multiple = state.answers.person !== undefined || (view.people?.length ?? 0) > 1;
  let page: ReactNode;
  switch (state.step) {
    case 'person':
      page = (
        <PersonStep
          action={action}
          state={state}
          people={view.people ?? []}
          question="Кого прикрепить к поликлинике?"
        />
      );
      break;
    case 'clinic': {
      const c = view.clinic;
      page = c?.allowed ? (
        <StepForm action={action} state={state} fields={['moCode']} back={multiple ? 'person' : undefined}>
          {c.person ? <p className="journey-caption">{c.person}</p> : null}
          <Radios
            name="moCode"
            legend="Выберите поликлинику"
            headingLegend
            hint={
              <>
                Поликлиники региона «{c.region}», которые принимают по ОМС.{' '}
                {c.current ? `Сейчас: ${c.current}.` : 'Сейчас вы ни к какой поликлинике не прикреплены.'}{' '}
                {c.message}
              </>
            }
            value={state.answers.moCode}
            error={errorOf(state, 'moCode')}
            options={c.clinics.map((o) => ({ value: o.code, label: o.name, hint: o.details }))}
          />
        </StepForm>
      ) : (
        <>
          <Question caption={c?.person}>Сменить поликлинику сейчас нельзя</Question>
          <div className="status status--bad" data-testid="precheck">
            <h2>Почему</h2>
            <p>{c?.message}</p>
            {c?.nextAllowedDate ? (
              <p>
                Сменить поликлинику можно будет <strong>с {c.nextAllowedDate}</strong>.
              </p>
            ) : null}
          </div>
          {c?.current ? <p>Сейчас: {c.current}.</p> : null}
          {multiple ? (
            <form action={action}>
              <input type="hidden" name="_step" value="clinic" />
              <button className="button button--secondary" type="submit" name="_intent" value="change:person">
                Выбрать другого человека
              </button>
            </form>
          ) : null}
        </>
      );
      break;
    }
    case 'check': {
      const s = view.summary;
      page = (
        <CheckForm
          action={action}
          state={state}
          rows={[
            ...(s?.person ? [{ label: 'Кого прикрепить', value: s.person, step: 'person' }] : []),
            { label: 'Поликлиника', value: s?.clinic ?? '', step: 'clinic' },
          ]}
        >
          <p>
            {s?.current ? `Сейчас: ${s.current}. ` : ''}Прикрепление начнётся со дня, когда заявление будет
            внесено в регистр, — обычно сразу после отправки.
          </p>
        </CheckForm>
      );
      break;
    }
    case 'done': {
      const r = state.result!;
      page = (
        <DecidedConfirmation
          outcome={r}
          doneTitle="Прикрепление оформлено"
          refusedTitle="В прикреплении отказано"
        >
          <p>
            С <strong data-testid="effective-date">{r.effectiveDate}</strong> — прикрепление к поликлинике{' '}
            <strong>{r.clinicName}</strong>. Записаться к врачу можно в регистратуре поликлиники или на
            Госуслугах.
          </p>
          <p>Следующая смена поликлиники — не раньше чем через год, если не будет переезда.</p>
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
