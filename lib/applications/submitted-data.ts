import { formatDateRu } from '@/lib/domain/dates';
import { formatSnils } from '@/lib/domain/ru/snils';
import type { ApplicationKind } from './labels';

/** A titled group of «field: value» rows of what the citizen submitted. */
export interface DataSection {
  title: string;
  rows: { label: string; value: string }[];
}

const FIELD_LABELS: Record<string, string> = {
  lastName: 'Фамилия',
  firstName: 'Имя',
  patronymic: 'Отчество',
  sex: 'Пол',
  birthDate: 'Дата рождения',
  birthPlace: 'Место рождения',
  snils: 'СНИЛС',
  series: 'Серия',
  number: 'Номер',
  issueDate: 'Дата выдачи',
  issuer: 'Кем выдан',
  subjectCode: 'Регион (код субъекта)',
  insurerCode: 'Страховая компания (код)',
  moCode: 'Поликлиника (код МО)',
  reason: 'Основание',
  serviceStartDate: 'Дата начала службы',
  serviceEndDate: 'Дата окончания службы',
};

function shown(key: string, value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value);
  if (text === '') return null;
  if (key === 'sex')
    return text === 'M' || text === 'М' ? 'мужской' : text === 'F' || text === 'Ж' ? 'женский' : text;
  if (key === 'snils' && /^\d{11}$/.test(text)) return formatSnils(text);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDateRu(text);
  return text;
}

function section(title: string, data: unknown, keys: readonly string[]): DataSection | null {
  if (!data || typeof data !== 'object') return null;
  const record = data as Record<string, unknown>;
  const rows = keys.flatMap((key) => {
    const value = shown(key, record[key]);
    return value === null
      ? []
      : [
          {
            label: key === 'issuer' && title.startsWith('Свидетельство') ? 'Орган ЗАГС' : FIELD_LABELS[key]!,
            value,
          },
        ];
  });
  return rows.length ? { title, rows } : null;
}

const PERSON = ['lastName', 'firstName', 'patronymic', 'sex', 'birthDate', 'birthPlace', 'snils'] as const;
const DOCUMENT = ['series', 'number', 'issueDate', 'issuer'] as const;
const INPUT = [
  'subjectCode',
  'insurerCode',
  'moCode',
  'reason',
  'serviceStartDate',
  'serviceEndDate',
] as const;

/** What the citizen submitted, as the application keeps it, in labelled sections for the operator. */
export function submittedData(kind: ApplicationKind, payload: Record<string, unknown>): DataSection[] {
  const sections =
    kind === 'electronic_policy'
      ? [
          section('Данные учётной записи', payload.identity, PERSON),
          section('Паспорт гражданина РФ', payload.passport, DOCUMENT),
          section('Выбор заявителя', payload.input, INPUT),
        ]
      : kind === 'child_registration'
        ? [
            section('Ребёнок', payload.child, PERSON),
            section('Свидетельство о рождении', payload.certificate, DOCUMENT),
            section('Выбор заявителя', payload.input, INPUT),
          ]
        : [section('Заявление', payload.input, INPUT)];
  return sections.filter((s): s is DataSection => s !== null);
}
