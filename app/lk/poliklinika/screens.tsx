import type { JourneyScreens } from '../_journey/journey-screen';
import { DecidedConfirmation, errorOf, PersonQuestion, Radios } from '../_journey/journey-ui';
import type { AttachmentOutcome, AttachmentView } from './journey';

/** Journey 6's words: attachment to a clinic. */
export const attachmentScreens: JourneyScreens<AttachmentOutcome, AttachmentView> = {
  id: 'poliklinika',
  steps: {
    person: {
      form: ({ state, view }) => (
        <PersonQuestion state={state} people={view.people ?? []} question="Кого прикрепить к поликлинике?" />
      ),
    },
    clinic: {
      stop: ({ view: { clinic: c } }) =>
        c?.allowed
          ? null
          : {
              caption: c?.person,
              what: 'поликлинику',
              message: c?.message ?? '',
              nextAllowedDate: c?.nextAllowedDate ?? null,
              after: c?.current ? <p>Сейчас: {c.current}.</p> : null,
            },
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
      ...(s?.person ? [{ label: 'Кого прикрепить', value: s.person, step: 'person' }] : []),
      { label: 'Поликлиника', value: s?.clinic ?? '', step: 'clinic' },
    ],
    note: ({ view: { summary: s } }) => (
      <p>
        {s?.current ? `Сейчас: ${s.current}. ` : ''}Прикрепление начнётся со дня, когда заявление будет
        внесено в регистр, — обычно сразу после отправки.
      </p>
    ),
  },
  done: (r) => (
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
  ),
};
