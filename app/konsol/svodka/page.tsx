import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { formatMoscowDateTime } from '@/lib/applications/labels';
import { requireConsolePage } from '../_shell/require-section';
import {
  applicationsChart,
  CHANNEL_LABELS,
  duplicatesChart,
  FEED_LABELS,
  feedsChart,
  formatCount,
  insuredRankingChart,
  lookupsChart,
  STATUS_LABELS,
  statusChart,
} from '@/lib/dashboard/chart-options';
import { readDashboard, type Dashboard, type InsuredRow } from '@/lib/dashboard/read-dashboard';
import { formatDateRu } from '@/lib/domain/dates';
import { isAppError, type FieldIssue } from '@/lib/errors';
import { ErrorSummary } from '../../_components/error-summary';
import { Field } from '../../_components/field';
import { ChartFigure, FigureTable } from './chart-figure';

export const metadata: Metadata = { title: 'Сводка' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const day = (iso: string) => formatDateRu(iso);
const count = formatCount;

function RegionForm({ d, value, error }: { d: Dashboard; value: string; error?: string }) {
  return (
    <form method="get" action="/konsol/svodka" className="inline-form" aria-label="Выбор региона">
      <Field id="region" name="region" label="Регион" error={error}>
        {(props) => (
          <select {...props} className="select" defaultValue={value}>
            <option value="">Вся страна</option>
            {d.regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.code} — {r.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit" className="button button--secondary">
        Показать
      </button>
    </form>
  );
}

/** Insured persons ranked by region or by insurer: the chart and every row in the table. */
function InsuredFigure(props: {
  id: string;
  by: string;
  what: string;
  rows: readonly InsuredRow[];
  asOf: Date | null;
}) {
  return (
    <ChartFigure
      id={props.id}
      title={`Застрахованные по ${props.by}`}
      asOf={props.asOf}
      chart={insuredRankingChart(props.rows, props.what)}
    >
      <FigureTable
        caption={`Застрахованные по ${props.by}, человек`}
        head={[
          props.id === 'regions' ? 'Регион' : 'Страховая компания',
          STATUS_LABELS.active,
          STATUS_LABELS.suspended,
          'Всего',
        ]}
        rows={props.rows.map(
          (r) => [r.name, count(r.active), count(r.suspended), count(r.active + r.suspended)] as const,
        )}
      />
    </ChartFigure>
  );
}

/**
 * «Сводка»: the register's health in charts — insured persons, applications against the deadline, the
 * agencies' feeds, clinic lookups, duplicates. Server-rendered SVG, each with its numbers in a table, so the
 * page works without JavaScript and prints. Scope and permission are the use case's (readDashboard).
 */
export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = (await searchParams).region;
  const requested = typeof raw === 'string' && raw !== '' ? raw : null;
  const staff = await requireConsolePage(
    `/konsol/svodka${requested ? `?region=${encodeURIComponent(requested)}` : ''}`,
  );
  let d: Dashboard;
  let errors: FieldIssue[] = [];
  try {
    d = await readDashboard(staff.actor, { subjectCode: requested });
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === 'FORBIDDEN' && requested == null) forbidden();
    if (error.code !== 'FORBIDDEN' && error.code !== 'VALIDATION_FAILED') throw error;
    // Another region than one's own, or a code that is no region: the own scope, with the reason on top.
    errors =
      error.code === 'VALIDATION_FAILED'
        ? error.fields
        : [
            {
              field: 'region',
              code: 'FORBIDDEN',
              message: 'Сводка другого региона вам недоступна: показан ваш регион.',
            },
          ];
    // Without any dashboard (an insurer's operator asking for a region) the answer is still «Нет доступа».
    d = await readDashboard(staff.actor, {}).catch((e: unknown) => {
      if (isAppError(e) && e.code === 'FORBIDDEN') forbidden();
      throw e;
    });
  }
  const regionError = errors.find((e) => e.field === 'region')?.message;
  const where = d.subjectName ? `${d.subjectName}` : 'вся страна';
  return (
    <>
      <h1>Сводка</h1>
      <p className="lead">
        Состояние регистра: {where}. Показатели считаются в базе данных фоновым заданием каждые 10 минут, у
        каждого указано время расчёта.
      </p>
      <ErrorSummary errors={errors.map((e) => ({ field: e.field, message: e.message }))} />
      {d.regions.length > 0 || regionError ? (
        <RegionForm d={d} value={requested ?? ''} error={regionError} />
      ) : null}

      <InsuredFigure id="regions" by="регионам" what="в регионах" rows={d.byRegion} asOf={d.asOf.coverage} />
      <InsuredFigure
        id="insurers"
        by="страховым компаниям"
        what="у страховых компаний"
        rows={d.byInsurer}
        asOf={d.asOf.coverage}
      />

      <ChartFigure
        id="statuses"
        title="Полисы по статусу"
        asOf={d.asOf.coverage}
        chart={statusChart(d.byStatus)}
      >
        <FigureTable
          caption="Лица по статусу текущего полиса"
          head={['Статус', 'Лиц']}
          rows={(['active', 'suspended', 'terminated'] as const).map(
            (s) => [STATUS_LABELS[s], count(d.byStatus[s])] as const,
          )}
        />
      </ChartFigure>

      <ChartFigure
        id="applications"
        title="Заявления по дням: рассмотрены в срок и с опозданием"
        asOf={d.asOf.applications}
        chart={applicationsChart(d.applicationDays)}
      >
        <FigureTable
          caption="Заявления по дням (дата по московскому времени)"
          head={['День', 'Подано', 'Рассмотрено в срок', 'С опозданием']}
          rows={d.applicationDays.map(
            (a) => [day(a.day), count(a.submitted), count(a.inTime), count(a.late)] as const,
          )}
        />
      </ChartFigure>

      <ChartFigure
        id="feeds"
        title="Свежесть ведомственных сведений"
        asOf={d.feedsAsOf}
        chart={feedsChart(d.feeds)}
      >
        <FigureTable
          caption="Последние сведения от ведомств"
          head={[
            'Источник',
            'Последнее получено',
            'Последнее событие',
            'За 14 дн.: получено',
            'Применено',
            'Ожидают',
            'Отклонено',
          ]}
          rows={d.feeds.map((f) => {
            const total = (k: 'received' | 'applied' | 'pending' | 'rejected') =>
              count(f.days.reduce((n, x) => n + x[k], 0));
            return [
              FEED_LABELS[f.source],
              f.lastReceivedAt ? formatMoscowDateTime(f.lastReceivedAt) : 'сведений не было',
              f.lastOccurredAt ? formatMoscowDateTime(f.lastOccurredAt) : '—',
              total('received'),
              total('applied'),
              total('pending'),
              total('rejected'),
            ] as const;
          })}
        />
      </ChartFigure>

      <ChartFigure
        id="lookups"
        title="Проверки полиса медицинскими организациями по дням"
        asOf={d.asOf.lookups}
        chart={lookupsChart(d.lookupDays)}
      >
        <FigureTable
          caption="Проверки полиса по дням и каналам"
          head={['День', CHANNEL_LABELS.clinic_ui, CHANNEL_LABELS.rest, CHANNEL_LABELS.fhir]}
          rows={d.lookupDays.map(
            (l) => [day(l.day), count(l.clinic_ui), count(l.rest), count(l.fhir)] as const,
          )}
        />
      </ChartFigure>

      <ChartFigure id="duplicates" title="Дубликаты" asOf={d.feedsAsOf} chart={duplicatesChart(d.duplicates)}>
        <FigureTable
          caption="Дубликаты записей"
          head={['Показатель', 'Записей']}
          rows={[
            ...(d.duplicates.candidates
              ? ([
                  ['Ждут проверки', count(d.duplicates.candidates.open)],
                  ['Признаны разными лицами', count(d.duplicates.candidates.notDuplicate)],
                ] as const)
              : []),
            ['Объединено записей', count(d.duplicates.mergedPersons)],
          ]}
        />
        {d.duplicates.candidates ? null : (
          <p className="hint">
            Поиск кандидатов в дубликаты ещё не установлен в этом регистре: показаны только объединённые
            записи.
          </p>
        )}
      </ChartFigure>
    </>
  );
}
