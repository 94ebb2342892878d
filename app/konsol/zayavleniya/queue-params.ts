import type { QueueFilter, QueueStatus } from '@/lib/applications/application-queue';
import type { ApplicationKind } from '@/lib/applications/labels';

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The query's names (Russian, transliterated) and what the form shows back. */
export interface QueueQuery {
  status: string;
  vid: string;
  region: string;
  smo: string;
  prosrocheno: string;
  nomer: string;
  stranica: string;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 100) ?? '';

export function readQueueQuery(params: Record<string, string | string[] | undefined>): QueueQuery {
  return {
    status: first(params.status),
    vid: first(params.vid),
    region: first(params.region),
    smo: first(params.smo),
    prosrocheno: first(params.prosrocheno),
    nomer: first(params.nomer),
    stranica: first(params.stranica),
  };
}

/** The query as the use case's filter; its values are checked there (bad ones name their field). */
export function toFilter(q: QueueQuery): QueueFilter {
  const page = q.stranica ? Number(q.stranica) : 1;
  return {
    status: (q.status || 'waiting') as QueueStatus,
    kind: (q.vid || null) as ApplicationKind | null,
    subjectCode: q.region || null,
    insurerCode: q.smo || null,
    overdueOnly: q.prosrocheno === '1',
    number: q.nomer || null,
    page: Number.isFinite(page) ? page : 0,
  };
}

/** The queue's address with the same filters on another page. */
export function queueHref(q: QueueQuery, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...q, stranica: page > 1 ? String(page) : '' })) {
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `/konsol/zayavleniya?${query}` : '/konsol/zayavleniya';
}
