import { InsurerRadios, RegionSelect } from '../_journey/choice-fields';
import type { JourneyScreens } from '../_journey/journey-screen';
import { DecidedConfirmation, PersonQuestion, Question } from '../_journey/journey-ui';
import type { RegionChangeOutcome, RegionChangeView } from './journey';

/** Journey 4's words: moving to another region. */
export const regionChangeScreens: JourneyScreens<RegionChangeOutcome, RegionChangeView> = {
  id: 'pereezd',
  steps: {
    person: {
      form: ({ state, view }) => (
        <PersonQuestion state={state} people={view.people ?? []} question="Кто переехал?" />
      ),
    },
    region: {
      form: ({ state, view }) => (
        <>
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
        </>
      ),
    },
    insurer: {
      form: ({ state, view }) => (
        <InsurerRadios
          state={state}
          insurers={view.insurers}
          legend="Выберите страховую компанию в новом регионе"
          hint={`Страховые компании, которые работают в регионе «${view.region ?? ''}».`}
        />
      ),
    },
  },
  check: {
    rows: ({ view: { summary: s } }) => [
      ...(s?.person ? [{ label: 'Кто переехал', value: s.person, step: 'person' }] : []),
      { label: 'Новый регион', value: s?.region ?? '', step: 'region' },
      { label: 'Страховая компания', value: s?.insurer ?? '', step: 'insurer' },
    ],
    note: () => (
      <p>Полис продолжит действовать в новом регионе с сегодняшнего дня, номер полиса (ЕНП) не изменится.</p>
    ),
  },
  done: (r) => (
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
  ),
};
