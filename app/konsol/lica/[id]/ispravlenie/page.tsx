import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { requireStaff } from '@/lib/auth/staff-context';
import { formatDateRu, type LocalDate } from '@/lib/domain/dates';
import { isAppError } from '@/lib/errors';
import { readPersonCard, type PersonCard } from '@/lib/register/person-card';
import { CorrectionForm, type CorrectionField } from './correction-form';
import { CORRECTION_KINDS, isCorrectionKind, type CorrectionKind } from './console-correction';

export const metadata: Metadata = { title: 'Исправление данных' };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v.trim() : '');
const ru = (d: string | null) => (d ? formatDateRu(d as LocalDate) : '');
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

export default async function CorrectionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Search>;
}) {
  const { id } = await params;
  const staff = await requireStaff(`/konsol/lica/${encodeURIComponent(id)}`);
  const search = await searchParams;
  const kind = one(search.chto);
  const record = one(search.zapis);
  if (
    !/^[1-9]\d{0,14}$/.test(id) ||
    !isCorrectionKind(kind) ||
    (record !== '' && !/^[1-9]\d{0,14}$/.test(record))
  )
    notFound();
  let card: PersonCard;
  try {
    // The form shows what the register holds: a read of personal data for checking and correcting them.
    card = await readPersonCard(staff.actor, { personId: Number(id), purpose: 'data_check' });
  } catch (error) {
    if (isAppError(error) && error.code === 'FORBIDDEN') forbidden();
    if (isAppError(error) && error.code === 'PERSON_NOT_FOUND') notFound();
    throw error;
  }
  const form = formFor(kind, card, Number(record));
  if (!form) notFound();
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
