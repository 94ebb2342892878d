import { insurerScreen } from '../_journey/choice-fields';
import { Confirmation } from '../_journey/journey-parts';
import type { JourneyScreens } from '../_journey/journey-screen';
import {
  DateField,
  errorOf,
  Question,
  Radios,
  ClosedConfirmation,
  Repeated,
  ReviewReasons,
  TextField,
  WaitingConfirmation,
} from '../_journey/journey-ui';
import type { ChildOutcome, ChildView } from './journey';

function Outcome({ r }: { r: ChildOutcome }) {
  const repeated = <Repeated repeated={r.repeated} />;
  if (r.outcome === 'registered' || r.outcome === 'matched') {
    return (
      <Confirmation title="Ребёнок зарегистрирован" number={r.number}>
        {repeated}
        <p className="lead">
          {r.childName}: номер полиса (ЕНП){' '}
          <strong className="enp" data-testid="enp">
            {r.enp}
          </strong>
        </p>
        <h2>Что дальше</h2>
        <p>
          {r.outcome === 'matched'
            ? 'Ребёнок уже был в регистре по записи ЗАГС — мы нашли его и добавили в ваш личный кабинет. '
            : 'Полис ребёнка оформлен и действует с сегодняшнего дня. '}
          {r.policy === 'insurer_chosen'
            ? 'Выбранная страховая компания записана в регистр.'
            : r.policy === 'kept'
              ? 'Полис, оформленный ранее, сохранён.'
              : null}
        </p>
        <p>
          Ребёнок появился в вашем личном кабинете: вы можете смотреть его полис и подавать заявления за него.
        </p>
        {r.personId !== null ? (
          <p>
            <a href={`/lk/polis?chelovek=${r.personId}`}>Полис ребёнка</a> — QR-код и выписка из регистра.
          </p>
        ) : null}
        <p>
          Следующий шаг — <a href="/lk/poliklinika">прикрепить ребёнка к детской поликлинике</a>.
        </p>
      </Confirmation>
    );
  }
  if (r.outcome === 'queued') {
    return (
      <WaitingConfirmation number={r.number} repeated={r.repeated} dueProvisional={r.dueProvisional}>
        <p>
          Заявление рассмотрит сотрудник страховой медицинской организации до <strong>{r.dueAt}</strong> (по
          московскому времени).
        </p>
        <ReviewReasons reasons={r.reviewReasons} />
        <p>Право ребёнка на бесплатную медицинскую помощь по ОМС сохраняется.</p>
      </WaitingConfirmation>
    );
  }
  return (
    <ClosedConfirmation
      title={r.outcome === 'refused' ? 'В регистрации ребёнка отказано' : 'Заявление отменено'}
      number={r.number}
      repeated={r.repeated}
      refusal={r.refusal}
    />
  );
}

/** Journey 2's words: a child registered from the birth certificate. */
export const childScreens: JourneyScreens<ChildOutcome, ChildView> = {
  id: 'rebenok',
  steps: {
    child: {
      form: ({ state, answers }) => (
        <>
          <Question>Сведения о ребёнке</Question>
          <p>Как в свидетельстве о рождении.</p>
          <TextField state={state} name="child.lastName" label="Фамилия" />
          <TextField state={state} name="child.firstName" label="Имя" />
          <TextField state={state} name="child.patronymic" label="Отчество (если есть)" />
          <Radios
            name="child.sex"
            legend="Пол"
            value={answers['child.sex']}
            error={errorOf(state, 'child.sex')}
            options={[
              { value: 'M', label: 'Мужской' },
              { value: 'F', label: 'Женский' },
            ]}
          />
          <DateField
            state={state}
            name="child.birthDate"
            label="Дата рождения"
            hint="ДД.ММ.ГГГГ, например 27.03.2020"
          />
        </>
      ),
    },
    certificate: {
      form: ({ state }) => (
        <>
          <Question>Свидетельство о рождении</Question>
          <p>Российское свидетельство о рождении ребёнка.</p>
          <TextField
            state={state}
            name="certificate.series"
            label="Серия"
            hint="Римские цифры и две русские буквы, например IV-МЮ"
            short
          />
          <TextField state={state} name="certificate.number" label="Номер" hint="6 цифр" short numeric />
          <DateField state={state} name="certificate.issueDate" label="Дата выдачи" hint="ДД.ММ.ГГГГ" />
          <TextField
            state={state}
            name="certificate.zagsName"
            label="Кем выдано (орган ЗАГС)"
            hint="Как написано в свидетельстве, например «Отдел ЗАГС Москвы № 3»"
          />
        </>
      ),
    },
    insurer: insurerScreen(
      'Выберите страховую компанию для ребёнка',
      (view) =>
        `Страховые компании, которые работают в вашем регионе («${view.region ?? ''}»). Ребёнок будет застрахован там же, где вы.`,
    ),
  },
  check: {
    rows: ({ answers: a, view }) => [
      {
        label: 'ФИО ребёнка',
        value: [a['child.lastName'], a['child.firstName'], a['child.patronymic']].filter(Boolean).join(' '),
        step: 'child',
      },
      { label: 'Пол', value: a['child.sex'] === 'M' ? 'мужской' : 'женский', step: 'child' },
      { label: 'Дата рождения', value: a['child.birthDate'] ?? '', step: 'child' },
      {
        label: 'Свидетельство о рождении',
        value: `${a['certificate.series'] ?? ''} № ${a['certificate.number'] ?? ''}, выдано ${a['certificate.issueDate'] ?? ''}`,
        step: 'certificate',
      },
      { label: 'Орган ЗАГС', value: a['certificate.zagsName'] ?? '', step: 'certificate' },
      { label: 'Страховая компания', value: view.summary?.insurer ?? '', step: 'insurer' },
    ],
    note: () => (
      <p>
        Отправляя заявление, вы подтверждаете, что вы — родитель или законный представитель ребёнка. Мы сверим
        данные с регистром: если ребёнок уже есть в нём по записи ЗАГС, мы найдём его, а не создадим второй
        раз.
      </p>
    ),
  },
  done: (r) => <Outcome r={r} />,
};
