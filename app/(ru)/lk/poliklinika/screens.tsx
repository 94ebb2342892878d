import { personRow, type JourneyScreens } from '../_journey/journey-screen';
import { personScreen } from '../_journey/choice-fields';
import { decidedScreen, errorOf, Radios, stopUnlessAllowed } from '../_journey/journey-ui';
import type { AttachmentOutcome, AttachmentView } from './journey';

/** Journey 6's words: attachment to a clinic. */
export const attachmentScreens: JourneyScreens<AttachmentOutcome, AttachmentView> = {
  id: 'poliklinika',
  steps: {
    person: personScreen('Кого прикрепить к поликлинике?'),
    clinic: {
      stop: ({ view }) =>
        stopUnlessAllowed(view.clinic, 'поликлинику', (c) =>
          c.current ? <p>Сейчас: {c.current}.</p> : null,
        ),
      form: ({ state, view: { clinic: c } }) => (
        <>
          {c?.person ? <p className="journey-caption">{c.person}</p> : null}
          <Radios
            name="moCode"
            legend="Выберите поликлинику"
            headingLegend
            hint={
              <>
                Поликлиники региона «{c?.region}», которые принимают по ОМС.{' '}
                {c?.current ? `Сейчас: ${c.current}.` : 'Сейчас вы ни к какой поликлинике не прикреплены.'}{' '}
                {c?.message}
              </>
            }
            value={state.answers.moCode}
            error={errorOf(state, 'moCode')}
            options={(c?.clinics ?? []).map((o) => ({ value: o.code, label: o.name, hint: o.details }))}
          />
        </>
      ),
    },
  },
  check: {
    rows: ({ view: { summary: s } }) => [
      ...personRow('Кого прикрепить', s?.person),
      { label: 'Поликлиника', value: s?.clinic ?? '', step: 'clinic' },
    ],
    note: ({ view: { summary: s } }) => (
      <p>
        {s?.current ? `Сейчас: ${s.current}. ` : ''}Прикрепление начнётся со дня, когда заявление будет
        внесено в регистр, — обычно сразу после отправки.
      </p>
    ),
  },
  done: decidedScreen('Прикрепление оформлено', 'В прикреплении отказано', (r) => (
    <>
      <p>
        С <strong data-testid="effective-date">{r.effectiveDate}</strong> — прикрепление к поликлинике{' '}
        <strong>{r.clinicName}</strong>. Записаться к врачу можно в регистратуре поликлиники или на
        Госуслугах.
      </p>
      <p>Следующая смена поликлиники — не раньше чем через год, если не будет переезда.</p>
    </>
  )),
};
