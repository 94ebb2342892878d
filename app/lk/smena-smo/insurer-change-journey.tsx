'use client';

import { useActionState, type ReactNode } from 'react';
import {
  CheckForm,
  DecidedConfirmation,
  JourneyFrame,
  PersonStep,
  Question,
  StartPage,
  StepForm,
} from '../_journey/journey-ui';
import { InsurerRadios } from '../_journey/choice-fields';
import { insurerChangeStep, type InsurerChangeState } from './actions';

export function InsurerChangeJourney({
  initial,
  canStart,
  children,
}: {
  initial: InsurerChangeState;
  /** False when the start page explains why this citizen cannot apply (no «Начать»). */
  canStart: boolean;
  children: ReactNode;
}) {
  const [state, action] = useActionState(insurerChangeStep, initial);
  const view = state.view ?? {};
  const multiple = (view.people?.length ?? 0) > 1 || state.answers.person !== undefined;

  let page: ReactNode;
  switch (state.step) {
    case 'person':
      page = <PersonStep action={action} state={state} people={view.people ?? []} />;
      break;
    case 'precheck': {
      const p = view.precheck;
      page = p?.allowed ? (
        <StepForm
          action={action}
          state={state}
          fields={['precheckFor']}
          back={multiple ? 'person' : undefined}
        >
          <input type="hidden" name="precheckFor" value={state.answers.person ?? 'self'} />
          <Question caption={p.person}>Сменить страховую компанию можно</Question>
          <p data-testid="precheck">{p.message}</p>
          <dl className="summary-list">
            <dt>Сейчас</dt>
            <dd>{p.currentInsurer}</dd>
            <dt>Регион</dt>
            <dd>{p.region}</dd>
          </dl>
          <p>На следующей странице выберите новую страховую компанию из тех, что работают в вашем регионе.</p>
        </StepForm>
      ) : (
        <>
          <Question caption={p?.person}>Сменить страховую компанию сейчас нельзя</Question>
          <div className="status status--bad" data-testid="precheck">
            <h2>Почему</h2>
            <p>{p?.message}</p>
            {p?.nextAllowedDate ? (
              <p>
                Сменить страховую компанию можно будет <strong>с {p.nextAllowedDate}</strong>.
              </p>
            ) : null}
          </div>
          {p?.currentInsurer ? (
            <p>
              Сейчас: {p.currentInsurer}
              {p.region ? `, ${p.region}` : ''}. Полис продолжает действовать, ничего делать не нужно.
            </p>
          ) : null}
          {multiple ? (
            <form action={action}>
              <input type="hidden" name="_step" value="precheck" />
              <button className="button button--secondary" type="submit" name="_intent" value="change:person">
                Выбрать другого человека
              </button>
            </form>
          ) : null}
          <p>
            <a href="/lk">Вернуться в личный кабинет</a>
          </p>
        </>
      );
      break;
    }
    case 'insurer':
      page = (
        <StepForm action={action} state={state} fields={['insurerCode']} back="precheck">
          <InsurerRadios
            state={state}
            insurers={view.insurers}
            legend="Выберите новую страховую компанию"
            hint={`Здесь только страховые компании, которые работают в регионе «${view.precheck?.region ?? ''}». Сейчас: ${view.precheck?.currentInsurer ?? '—'}.`}
          />
        </StepForm>
      );
      break;
    case 'check': {
      const s = view.summary;
      page = (
        <CheckForm
          action={action}
          state={state}
          rows={[
            ...(s?.person ? [{ label: 'За кого', value: s.person, step: 'person' }] : []),
            { label: 'Новая страховая компания', value: s?.insurer ?? '', step: 'insurer' },
          ]}
        >
          <p>
            Сейчас: {s?.current}. Замена вступит в силу в день, когда заявление будет внесено в регистр, —
            обычно сразу после отправки. Номер полиса (ЕНП) не изменится.
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
          doneTitle="Страховая компания сменена"
          refusedTitle="В смене страховой компании отказано"
        >
          <p>
            С <strong data-testid="effective-date">{r.effectiveDate}</strong> ваша страховая медицинская
            организация — <strong>{r.insurerName}</strong>. Номер полиса (ЕНП) остался прежним, полис
            действует без перерыва.
          </p>
          <p>
            Сведения о новой страховой компании и её контакты — на странице{' '}
            <a href="/lk/polis">«Мой полис»</a>.
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
