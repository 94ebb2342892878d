import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { ConsoleRefusal } from '../../../_shell/refusal';
import { formatDateRu } from '@/lib/domain/dates';
import { isAppError } from '@/lib/errors';
import { readPersonCard, type PersonCard } from '@/lib/register/person-card';
import { personPageInput, RECORD_ID, type PersonPageProps } from '../_card/page-input';
import { CorrectionForm, type CorrectionField } from './correction-form';
import { CORRECTION_KINDS, isCorrectionKind, type CorrectionKind } from './console-correction';

export const metadata: Metadata = { title: 'Исправление данных' };

const ru = (d: string | null) => (d ? formatDateRu(d) : '');
const DATE_HINT = 'ДД.ММ.ГГГГ';

/** The fields of each correction and what the register holds in them now; null when there is no such record. */
function formFor(
  kind: CorrectionKind,
  card: PersonCard,
  record: number,
): { fields: CorrectionField[]; initial: Record<string, string> } | null {
  const p = card.person;
  switch (kind) {
    case 'dannye':
      return {
        fields: [
          { name: 'lastName', label: 'Фамилия' },
          { name: 'firstName', label: 'Имя' },
          { name: 'patronymic', label: 'Отчество (если есть)' },
          {
            name: 'sex',
            label: 'Пол',
            options: [
              { value: 'M', label: 'мужской' },
              { value: 'F', label: 'женский' },
            ],
          },
          { name: 'birthDate', label: 'Дата рождения', hint: DATE_HINT },
          { name: 'birthPlace', label: 'Место рождения', wide: true },
          { name: 'citizenship', label: 'Гражданство', hint: 'Трёхбуквенный код страны, например RUS' },
          { name: 'snils', label: 'СНИЛС', hint: 'XXX-XXX-XXX YY' },
        ],
        initial: {
          lastName: p.lastName,
          firstName: p.firstName,
          patronymic: p.patronymic ?? '',
          sex: p.sex,
          birthDate: ru(p.birthDate),
          birthPlace: p.birthPlace ?? '',
          citizenship: p.citizenship,
          snils: p.snils ?? '',
        },
      };
    case 'dokument': {
      const d = card.documents.find((x) => x.id === record);
      if (!d) return null;
      return {
        fields: [
          { name: 'series', label: 'Серия' },
          { name: 'number', label: 'Номер' },
          { name: 'issueDate', label: 'Дата выдачи', hint: DATE_HINT },
          { name: 'issuer', label: 'Кем выдан', wide: true },
          { name: 'validTo', label: 'Действует до (если указано)', hint: DATE_HINT },
        ],
        initial: {
          series: d.series ?? '',
          number: d.number,
          issueDate: ru(d.issueDate),
          issuer: d.issuer ?? '',
          validTo: ru(d.validTo),
        },
      };
    }
    case 'polis': {
      const c = card.coverage.find((x) => x.id === record);
      if (!c) return null;
      return {
        fields: [
          { name: 'insurerCode', label: 'Код страховой организации', hint: '5 цифр (реестровый номер СМО)' },
          { name: 'subjectCode', label: 'Код региона', hint: '2 цифры' },
          { name: 'validFrom', label: 'Начало периода', hint: DATE_HINT },
          {
            name: 'validTo',
            label: 'Окончание периода (первый день без полиса)',
            hint: `${DATE_HINT}; пусто — бессрочно`,
          },
        ],
        initial: {
          insurerCode: c.insurerCode,
          subjectCode: c.subjectCode,
          validFrom: ru(c.validFrom),
          validTo: ru(c.validTo),
        },
      };
    }
    case 'prikreplenie': {
      const a = card.attachments.find((x) => x.id === record);
      if (!a) return null;
      return {
        fields: [
          { name: 'moCode', label: 'Код медицинской организации', hint: '6 цифр' },
          { name: 'validFrom', label: 'Начало прикрепления', hint: DATE_HINT },
        ],
        initial: { moCode: a.moCode, validFrom: ru(a.validFrom) },
      };
    }
  }
}

export default async function CorrectionPage(props: PersonPageProps) {
  const { staff, personId, query } = await personPageInput(props);
  const kind = query('chto');
  const record = query('zapis');
  if (personId === null || !isCorrectionKind(kind) || (record !== '' && !RECORD_ID.test(record)))
    return <ConsoleRefusal kind="not_found" />;
  let card: PersonCard;
  try {
    // The form shows what the register holds: a read of personal data for checking and correcting them.
    card = await readPersonCard(staff.actor, { personId, purpose: 'data_check' });
  } catch (error) {
    if (isAppError(error) && error.code === 'FORBIDDEN') return <ConsoleRefusal kind="forbidden" />;
    if (isAppError(error) && error.code === 'PERSON_NOT_FOUND') return <ConsoleRefusal kind="not_found" />;
    throw error;
  }
  const form = formFor(kind, card, Number(record));
  if (!form) return <ConsoleRefusal kind="not_found" />;
  const p = card.person;
  return (
    <>
      <Link className="back-link" href={`/konsol/lica/${p.id}?cel=data_check` as Route}>
        Назад к карточке
      </Link>
      <span className="h1-caption">
        {[p.lastName, p.firstName, p.patronymic].filter(Boolean).join(' ')}, ЕНП {p.enp}
      </span>
      <h1>Исправление: {CORRECTION_KINDS[kind].toLowerCase()}</h1>
      <p>
        Исправление записывается в историю регистра с вашим именем и основанием; прежние значения сохраняются.
        {kind === 'polis'
          ? ' Исправленный период действует в ответах регистра с момента записи; ответы «как было известно раньше» не меняются.'
          : ''}
      </p>
      <CorrectionForm
        fields={form.fields}
        initial={form.initial}
        hidden={{ chto: kind, zapis: record, personId: String(p.id), expectedVersion: String(p.version) }}
      />
    </>
  );
}
