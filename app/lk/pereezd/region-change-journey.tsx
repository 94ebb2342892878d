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
import { InsurerRadios, RegionSelect } from '../_journey/choice-fields';
import { regionChangeStep, type RegionChangeState } from './actions';

export function RegionChangeJourney({
  initial,
  canStart,
  children,
}: {
  initial: RegionChangeState;
  /** False when the start page explains why this citizen cannot apply (no «Начать»). */
  canStart: boolean;
  children: ReactNode;
}) {
  const [state, action] = useActionState(regionChangeStep, initial);
  const view = state.view ?? {};
  const multiple = state.answers.person !== undefined || (view.people?.length ?? 0) > 1;
  let page: ReactNode;
  switch (state.step) {
    case 'person':
      page = <PersonStep action={action} state={state} people={view.people ?? []} question="Кто переехал?" />;
      break;
    case 'region':
      page = (
        <StepForm
          action={action}
          state={state}
          fields={['subjectCode']}
          back={multiple ? 'person' : undefined}
        >
          <Question caption={view.person}>В какой регион вы переехали?</Question>
          <p>
            Сейчас полис оформлен в регионе «{view.currentRegion}», страховая компания — {view.currentInsurer}
            .
          </p>
          <RegionSelect
            state={state}
            regions={view.regions}
            label="Новый регион (субъект РФ)"
            hint="Регион, где вы теперь живёте."
          />
        </StepForm>
      );
      break;
    case 'insurer':
      page = (
        <StepForm action={action} state={state} fields={['insurerCode']} back="region">
          <InsurerRadios
            state={state}
            insurers={view.insurers}
            legend="Выберите страховую компанию в новом регионе"
            hint={`Страховые компании, которые работают в регионе «${view.region ?? ''}».`}
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
            ...(s?.person ? [{ label: 'Кто переехал', value: s.person, step: 'person' }] : []),
            { label: 'Новый регион', value: s?.region ?? '', step: 'region' },
            { label: 'Страховая компания', value: s?.insurer ?? '', step: 'insurer' },
          ]}
        >
          <p>
            Полис продолжит действовать в новом регионе с сегодняшнего дня, номер полиса (ЕНП) не изменится.
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
          doneTitle="Регион страхования изменён"
          refusedTitle="В смене региона отказано"
        >
          <p>
            С <strong data-testid="effective-date">{r.effectiveDate}</strong> полис действует в регионе «
            {r.regionName}», страховая компания — {r.insurerName}. Номер полиса (ЕНП) не изменился.
          </p>
          <p>
            После переезда можно прикрепиться к поликлинике в новом регионе, не дожидаясь следующего года:{' '}
            <a href="/lk/poliklinika">выбрать поликлинику</a>. Сменить страховую компанию после переезда тоже
            можно вне ежегодного ограничения, если при переезде вы её не меняли:{' '}
            <a href="/lk/smena-smo">смена страховой компании</a>.
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
