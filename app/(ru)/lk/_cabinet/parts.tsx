import type { MyPerson } from '@/lib/portal/list-my-people';
import type { PolicyStatusKind } from '@/lib/portal/verify-extract';
import { PROVISIONAL_DUE_NOTE } from '@/lib/applications/provisional-due-note';
import type { ApplicationStatus } from '@/lib/applications/labels';
import type { Refusal } from './cabinet';
import { dateRu, dateTimeRu } from './cabinet';

const POLICY_TAGS: Record<PolicyStatusKind, { label: string; tone: 'ok' | 'warn' | 'bad' }> = {
  active: { label: 'Действует', tone: 'ok' },
  suspended: { label: 'Приостановлен', tone: 'warn' },
  terminated: { label: 'Прекращён', tone: 'bad' },
  none: { label: 'Не действует', tone: 'bad' },
};

export function policyStatusLabel(status: PolicyStatusKind): string {
  return POLICY_TAGS[status].label;
}

/** The policy's status as a coloured tag; the words carry the meaning, the colour only repeats it. */
export function PolicyStatusTag({ status }: { status: PolicyStatusKind }) {
  const tag = POLICY_TAGS[status];
  return <strong className={`tag tag--${tag.tone}`}>{tag.label}</strong>;
}

const APPLICATION_TONES: Record<ApplicationStatus, '' | 'ok' | 'warn' | 'bad'> = {
  draft: '',
  submitted: 'warn',
  in_progress: 'warn',
  done: 'ok',
  refused: 'bad',
  cancelled: '',
};

export function ApplicationStatusTag({ status, label }: { status: ApplicationStatus; label: string }) {
  const tone = APPLICATION_TONES[status];
  return <strong className={`tag${tone ? ` tag--${tone}` : ''}`}>{label}</strong>;
}

export function OverdueTag() {
  return <strong className="tag tag--bad">Срок нарушен</strong>;
}

/** What the list of applications and one application's page both show first about it. */
interface ApplicationHead {
  status: ApplicationStatus;
  statusLabel: string;
  overdue: boolean;
  subjectName: string | null;
  submittedAt: Date | null;
}

/**
 * The first rows of an application's summary: its status (and a broken due time), whom it is about,
 * when it was submitted — `(мск)` after the time where the page says it.
 */
export function ApplicationHeadRows({ app, moscowNote }: { app: ApplicationHead; moscowNote: boolean }) {
  return (
    <>
      <dt>Статус</dt>
      <dd>
        <ApplicationStatusTag status={app.status} label={app.statusLabel} />
        {app.overdue ? (
          <>
            {' '}
            <OverdueTag />
          </>
        ) : null}
      </dd>
      {app.subjectName ? (
        <>
          <dt>О ком</dt>
          <dd>{app.subjectName}</dd>
        </>
      ) : null}
      {app.submittedAt ? (
        <>
          <dt>Подано</dt>
          <dd>
            {dateTimeRu(app.submittedAt)}
            {moscowNote ? ' (мск)' : null}
          </dd>
        </>
      ) : null}
    </>
  );
}

/** The due time row's value, with the note when it was counted without the official calendar. */
export function DueTime({
  dueAt,
  provisional,
  lateNote,
}: {
  dueAt: Date;
  provisional: boolean;
  lateNote?: string | null;
}) {
  return (
    <dd>
      до {dateTimeRu(dueAt)} (мск)
      {lateNote ?? null}
      {provisional ? (
        <span className="hint-block" data-testid="due-provisional">
          {PROVISIONAL_DUE_NOTE}
        </span>
      ) : null}
    </dd>
  );
}

export function personName(p: Pick<MyPerson, 'lastName' | 'firstName' | 'patronymic'>): string {
  return [p.lastName, p.firstName, p.patronymic].filter(Boolean).join(' ');
}

/**
 * «Чьи сведения»: the citizen and the children they represent, as links to the same page for each. Only
 * shown when there is a choice.
 */
export function PersonSwitcher({
  people,
  currentId,
  basePath,
  label,
}: {
  people: readonly MyPerson[];
  currentId: number | null;
  basePath: string;
  label: string;
}) {
  if (people.length < 2) return null;
  return (
    <nav className="person-switcher" aria-label={label}>
      <h2 className="person-switcher__title">{label}</h2>
      <ul>
        {people.map((p) => {
          const text = `${personName(p)}${p.self ? ' (вы)' : `, ${dateRu(p.birthDate)} г. р.`}`;
          const current = p.personId === currentId;
          return (
            <li key={p.personId}>
              {current ? (
                <strong aria-current="page">{text}</strong>
              ) : (
                <a href={p.self ? basePath : `${basePath}?chelovek=${p.personId}`}>{text}</a>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** What a page shows instead of the data it was asked for. */
export function RefusalPanel({ refusal, backHref = '/lk' }: { refusal: Refusal; backHref?: string }) {
  return (
    <div className="status status--bad" data-testid="refusal" role="region" aria-labelledby="refusal-title">
      <h2 id="refusal-title">{refusal.title}</h2>
      <p>{refusal.message}</p>
      {refusal.notInRegister ? (
        <p>
          <a className="button" href="/lk/poluchit-polis">
            Оформить полис ОМС
          </a>
        </p>
      ) : (
        <p>
          <a href={backHref}>Вернуться в личный кабинет</a>
        </p>
      )}
    </div>
  );
}
