import { insurerScreen, personScreen, regionScreen } from '../_journey/choice-fields';
import { personRow, type JourneyScreens } from '../_journey/journey-screen';
import { decidedScreen } from '../_journey/journey-ui';
import type { RegionChangeOutcome, RegionChangeView } from './journey';

/** Journey 4's words: moving to another region. */
export const regionChangeScreens: JourneyScreens<RegionChangeOutcome, RegionChangeView> = {
  id: 'pereezd',
  steps: {
    person: personScreen('Кто переехал?'),
    region: regionScreen({
      question: 'В какой регион вы переехали?',
      label: 'Новый регион (субъект РФ)',
      hint: 'Регион, где вы теперь живёте.',
      intro: (view) => (
        <p>
          Сейчас полис оформлен в регионе «{view.currentRegion}», страховая компания — {view.currentInsurer}.
        </p>
      ),
    }),
    insurer: insurerScreen(
      'Выберите страховую компанию в новом регионе',
      (view) => `Страховые компании, которые работают в регионе «${view.region ?? ''}».`,
    ),
  },
  check: {
    rows: ({ view: { summary: s } }) => [
      ...personRow('Кто переехал', s?.person),
      { label: 'Новый регион', value: s?.region ?? '', step: 'region' },
      { label: 'Страховая компания', value: s?.insurer ?? '', step: 'insurer' },
    ],
    note: () => (
      <p>Полис продолжит действовать в новом регионе с сегодняшнего дня, номер полиса (ЕНП) не изменится.</p>
    ),
  },
  done: decidedScreen('Регион страхования изменён', 'В смене региона отказано', (r) => (
    <>
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
    </>
  )),
};
