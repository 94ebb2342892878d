import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { requireConsolePage } from '../../_shell/require-section';
import { formatDateRu } from '@/lib/domain/dates';
import { DUPLICATE_REASON_NAMES } from '@/lib/domain/ru/duplicates';
import { formatEnp } from '@/lib/domain/ru/enp';
import { readCandidate, type CandidateReview, type PersonSide } from '@/lib/duplicates/review-duplicates';
import { errorCatalogue, isAppError, type ErrorCode } from '@/lib/errors';
import { dismissAction, mergeAction, undoAction } from '../actions';

export const metadata: Metadata = { title: 'Пара возможных дублей' };

const DONE: Record<string, string> = {
  merged: 'Записи объединены. Закрытый ЕНП теперь ведёт к сохранённой записи.',
  dismissed: 'Пара отмечена как разные люди и больше не будет предлагаться.',
  undone: 'Объединение отменено: обе записи восстановлены.',
};
const STATUS: Record<string, string> = {
  open: 'Не проверена',
  merged: 'Объединены',
  not_duplicate: 'Разные люди',
};
const SEX: Record<string, string> = { M: 'мужской', F: 'женский' };
const date = (d: string | null) => (d ? formatDateRu(d) : '—');
const period = (from: string, to: string | null) => `${date(from)} — ${to ? date(to) : 'бессрочно'}`;

type Row = [label: string, a: string, b: string];

function personRows(a: PersonSide, b: PersonSide): Row[] {
  const f = (s: PersonSide) => s.person;
  const docs = (s: PersonSide) =>
    s.documents
      .map(
        (d) =>
          `вид ${d.kind}: ${[d.series, d.number].filter(Boolean).join(' ')}${d.isCurrent ? '' : ' (прежний)'}`,
      )
      .join('; ') || '—';
  const cov = (s: PersonSide) =>
    s.coverages
      .map(
        (c) => `${c.insurerCode}, регион ${c.subjectCode}, ${period(c.validFrom, c.validTo)} (${c.status})`,
      )
      .join('; ') || '—';
  const att = (s: PersonSide) =>
    s.attachments.map((x) => `${x.moCode}, ${period(x.validFrom, x.validTo)}`).join('; ') || '—';
  return [
    ['ЕНП', formatEnp(f(a).enp), formatEnp(f(b).enp)],
    ['Фамилия', f(a).lastName, f(b).lastName],
    ['Имя', f(a).firstName, f(b).firstName],
    ['Отчество', f(a).patronymic ?? '—', f(b).patronymic ?? '—'],
    ['Пол', SEX[f(a).sex]!, SEX[f(b).sex]!],
    ['Дата рождения', date(f(a).birthDate), date(f(b).birthDate)],
    ['Место рождения', f(a).birthPlace ?? '—', f(b).birthPlace ?? '—'],
    ['СНИЛС', f(a).snils ?? '—', f(b).snils ?? '—'],
    ['Гражданство', f(a).citizenship, f(b).citizenship],
    ['Документы', docs(a), docs(b)],
    ['Периоды страхования', cov(a), cov(b)],
    ['Прикрепления', att(a), att(b)],
  ];
}

function Cell({ value, differs }: { value: string; differs: boolean }) {
  return differs ? (
    <td className="diff">
      <mark>{value}</mark>
      <span className="visually-hidden"> (отличается)</span>
    </td>
  ) : (
    <td>{value}</td>
  );
}

function MergePlan({ review }: { review: CandidateReview }) {
  const { plan, a, b, survivorId } = review;
  if (!plan) return null;
  const retired = survivorId === a.person.id ? b : a;
  const retracted = retired.coverages.filter((c) => plan.coveragesRetracted.includes(c.id));
  const kept = retired.attachments.filter((x) => plan.attachmentsKept.includes(x.id));
  const demoted = retired.documents.filter((d) => plan.documentsDemoted.includes(d.id));
  return (
    <section aria-labelledby="plan-title">
      <h2 id="plan-title">Что произойдёт при объединении</h2>
      <ul>
        <li>
          Сохраняется запись с ЕНП {formatEnp(survivorId === a.person.id ? a.person.enp : b.person.enp)}; ЕНП{' '}
          {formatEnp(retired.person.enp)} закрывается и при любом поиске ведёт к сохранённой записи.
        </li>
        <li>
          Переходят к сохраняемой записи: документов — {plan.documents.length}, периодов страхования —{' '}
          {plan.coverages.length}, прикреплений — {plan.attachments.length}, связей с представителями и детьми
          — {plan.representationsAsChild.length + plan.representationsAsRepresentative.length}, заявлений —{' '}
          {new Set([...plan.applicationsAsApplicant, ...plan.applicationsAsSubject]).size}, уведомлений —{' '}
          {plan.notifications.length}.
        </li>
        <li>
          Перекрывающиеся периоды страхования: действует период сохраняемой записи; период закрываемой записи
          переносится в историю как «известный до объединения».{' '}
          {retracted.length
            ? `Будут сняты: ${retracted.map((c) => `${c.insurerCode}, ${period(c.validFrom, c.validTo)}`).join('; ')}.`
            : 'Перекрытий нет.'}
        </li>
        <li>
          {demoted.length
            ? `Документы того же вида, что у сохраняемой записи, станут прежними: ${demoted.map((d) => [d.series, d.number].filter(Boolean).join(' ')).join('; ')}.`
            : 'Действующие документы не пересекаются по видам.'}
        </li>
        <li>
          {kept.length
            ? `Остаются на закрываемой записи (пересекаются с прикреплением сохраняемой): ${kept.map((x) => `${x.moCode}, ${period(x.validFrom, x.validTo)}`).join('; ')}.`
            : 'Прикрепления не пересекаются.'}
        </li>
      </ul>
    </section>
  );
}

export default async function DuplicatePairPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const query = await searchParams;
  const staff = await requireConsolePage(`/konsol/dubli/${id}`);
  if (!/^\d{1,15}$/.test(id)) notFound();
  const keep =
    typeof query.ostavit === 'string' && /^\d{1,15}$/.test(query.ostavit) ? Number(query.ostavit) : null;
  let review: CandidateReview;
  try {
    review = await readCandidate(staff.actor, Number(id), keep);
  } catch (error) {
    if (isAppError(error) && error.code === 'DUPLICATE_CANDIDATE_NOT_FOUND') notFound();
    if (isAppError(error) && error.code === 'FORBIDDEN') forbidden();
    throw error;
  }
  const { candidate, a, b } = review;
  // Own keys only: `?gotovo=__proto__` or `?oshibka=toString` name nothing.
  const code =
    typeof query.oshibka === 'string' && Object.hasOwn(errorCatalogue, query.oshibka)
      ? (query.oshibka as ErrorCode)
      : null;
  const done =
    typeof query.gotovo === 'string' && Object.hasOwn(DONE, query.gotovo) ? DONE[query.gotovo] : undefined;
  return (
    <>
      <p>
        <Link href="/konsol/dubli">← Все возможные дубли</Link>
      </p>
      <h1>Пара возможных дублей № {candidate.id}</h1>
      {code && (
        <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
          <h2 id="error-summary-title">Есть ошибки</h2>
          <ul>
            <li>{errorCatalogue[code].message}</li>
          </ul>
        </div>
      )}
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      <p>
        Состояние: <strong>{STATUS[candidate.status]}</strong>. Оценка: {candidate.score} из 100. Основания:{' '}
        {candidate.reasons
          .map((r) => DUPLICATE_REASON_NAMES[r as keyof typeof DUPLICATE_REASON_NAMES] ?? r)
          .join('; ')}
        .
      </p>
      <table className="table">
        <caption>Записи рядом; отличия выделены</caption>
        <thead>
          <tr>
            <th scope="col">Сведения</th>
            <th scope="col">Запись 1</th>
            <th scope="col">Запись 2</th>
          </tr>
        </thead>
        <tbody>
          {personRows(a, b).map(([label, x, y]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <Cell value={x} differs={label !== 'ЕНП' && x !== y} />
              <Cell value={y} differs={label !== 'ЕНП' && x !== y} />
            </tr>
          ))}
        </tbody>
      </table>
      {candidate.status === 'open' && review.plan && (
        <>
          <form method="get" action={`/konsol/dubli/${candidate.id}`}>
            <fieldset className="radios">
              <legend>Какую запись сохранить</legend>
              {[a, b].map((side, i) => (
                <label key={side.person.id} className="radio">
                  <input
                    type="radio"
                    name="ostavit"
                    value={side.person.id}
                    defaultChecked={side.person.id === review.survivorId}
                  />{' '}
                  Запись {i + 1}, ЕНП {formatEnp(side.person.enp)}
                </label>
              ))}
            </fieldset>
            <button type="submit" className="button button--secondary">
              Показать, что изменится
            </button>
          </form>
          <MergePlan review={review} />
          <form action={mergeAction}>
            <input type="hidden" name="candidateId" value={candidate.id} />
            <input type="hidden" name="survivorId" value={review.survivorId} />
            <button type="submit" className="button">
              Объединить, сохранив ЕНП{' '}
              {formatEnp(review.survivorId === a.person.id ? a.person.enp : b.person.enp)}
            </button>
          </form>
          <form action={dismissAction}>
            <input type="hidden" name="candidateId" value={candidate.id} />
            <button type="submit" className="button button--secondary">
              Это разные люди
            </button>
          </form>
        </>
      )}
      {review.liveMerge && review.mayUndo && (
        <form action={undoAction}>
          <input type="hidden" name="candidateId" value={candidate.id} />
          <input type="hidden" name="mergeId" value={review.liveMerge.id} />
          <p>
            Объединение № {review.liveMerge.id}. Отмена вернёт обеим записям всё, что было перенесено, и
            восстановит закрытый ЕНП.
          </p>
          <button type="submit" className="button button--secondary">
            Отменить объединение
          </button>
        </form>
      )}
    </>
  );
}
