import { CopySink } from './copy-text';

/** The register tables the seeder fills, in load order. */
export const REGISTER_TABLES = [
  'persons',
  'identity_documents',
  'representations',
  'coverages',
  'attachments',
  'register_events',
] as const;
export type RegisterTable = (typeof REGISTER_TABLES)[number];

/**
 * COPY column lists. Every column is supplied (defaults included), so the same text loads into the real
 * tables and into their bare copies (`CREATE TABLE … (LIKE …)` keeps no defaults), and rows never depend on
 * the load time: the seed alone decides them.
 */
// prettier-ignore
export const COPY_COLUMNS: Readonly<Record<RegisterTable, readonly string[]>> = {
  persons: [
    'id', 'enp', 'last_name', 'first_name', 'patronymic', 'sex', 'birth_date', 'birth_place', 'citizenship', 'snils',
    'category', 'death_date', 'merged_into_id', 'version', 'created_at', 'updated_at',
  ],
  identity_documents: [
    'id', 'person_id', 'kind', 'series', 'number', 'issue_date', 'issuer', 'valid_to', 'is_current', 'created_at',
    'updated_at',
  ],
  representations: ['id', 'representative_id', 'child_id', 'kind', 'valid_from', 'valid_to', 'created_at', 'updated_at'],
  coverages: [
    'id', 'person_id', 'insurer_code', 'subject_code', 'status', 'reason', 'form', 'valid_from', 'valid_to',
    'recorded_from', 'recorded_to',
  ],
  attachments: ['id', 'person_id', 'mo_code', 'valid_from', 'valid_to', 'reason'],
  register_events: [
    'id', 'person_id', 'entity', 'entity_id', 'action', 'effective_date', 'recorded_at', 'actor_kind', 'actor_id',
    'source', 'reason', 'data',
  ],
};

/** Coverage reasons (codes of lib/domain/ru/coverage). */
export type CoverageReason =
  | 'initial_load'
  | 'insurer_change'
  | 'region_change'
  | 'military_service'
  | 'death'
  | 'permit_expired'
  | 'birth';
export type CoverageStatus = 'active' | 'suspended' | 'terminated';
export type CoverageForm = 'electronic' | 'paper_extract' | 'legacy_card';

/** Dates are epoch days (days since 1970-01-01) in the hot path; `null` is an open end. */
export interface DocumentRecord {
  kind: number;
  series: string | null;
  number: string;
  issueDay: number | null;
  issuer: string | null;
  validToDay: number | null;
  current: boolean;
}

export interface CoverageRecord {
  insurerCode: string;
  subjectCode: string;
  status: CoverageStatus;
  reason: CoverageReason;
  form: CoverageForm;
  fromDay: number;
  toDay: number | null;
}

export interface AttachmentRecord {
  moCode: string;
  fromDay: number;
  toDay: number | null;
  reason: string | null;
}

export interface RepresentationRecord {
  representativeId: number;
  kind: 'parent' | 'guardian';
  fromDay: number;
  toDay: number | null;
}

export interface PersonRecord {
  id: number;
  enp: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  sex: 'M' | 'F';
  birthDay: number;
  birthPlace: string | null;
  citizenship: string;
  snils: string | null;
  category: 1 | 2;
  deathDay: number | null;
  documents: DocumentRecord[];
  /** In time order; consecutive periods never overlap. */
  coverages: CoverageRecord[];
  attachments: AttachmentRecord[];
  /** Who represents this person (for children). */
  representatives: RepresentationRecord[];
  /** The `person.loaded` event's data as JSON text, or null. */
  eventData: string | null;
  /**
   * Past changes the register's rules read back (an insurer change this year, a move), written as their
   * own events so the demo people's stories hold; generated persons have none.
   */
  history?: HistoryEvent[];
}

export interface HistoryEvent {
  action:
    | 'coverage.insurer_changed'
    | 'coverage.region_changed'
    | 'coverage.suspended'
    | 'coverage.renewed'
    | 'coverage.terminated';
  effectiveDay: number;
  /** JSON text. */
  data: string;
}

/** COPY text of one table, ready to send. */
export interface Chunk {
  table: RegisterTable;
  text: Buffer;
  rows: number;
}

export interface IdCounters {
  document: number;
  representation: number;
  coverage: number;
  attachment: number;
  event: number;
}

/** Accumulates COPY rows of many persons, per table; `take(table)` hands a table's rows over. */
export class BatchWriter {
  private readonly sinks: Record<RegisterTable, CopySink> = {
    persons: new CopySink(),
    identity_documents: new CopySink(),
    representations: new CopySink(),
    coverages: new CopySink(),
    attachments: new CopySink(),
    register_events: new CopySink(),
  };
  /** The last id used per child table (ids are explicit, so the seeder knows them). */
  readonly ids: IdCounters = { document: 0, representation: 0, coverage: 0, attachment: 0, event: 0 };

  constructor(
    /** Record time of the `person.loaded` events (the load), as an epoch day. */
    private readonly loadDay: number,
  ) {}

  /**
   * Appends a person and everything that hangs off it. Record times are simulated: a row is "recorded"
   * at Moscow midnight of the day it took effect, so the history reads as if the register kept it live;
   * the `person.loaded` event carries the load itself.
   */
  add(p: PersonRecord): void {
    const firstDay = p.coverages.length > 0 ? p.coverages[0]!.fromDay : p.birthDay;
    let lastDay = firstDay;
    for (const c of p.coverages) if (c.fromDay > lastDay) lastDay = c.fromDay;
    if (p.deathDay !== null && p.deathDay > lastDay) lastDay = p.deathDay;
    const id = p.id;

    const ps = this.sinks.persons;
    ps.int(id).tab().text(p.enp).tab().text(p.lastName).tab().text(p.firstName).tab().opt(p.patronymic).tab();
    ps.text(p.sex)
      .tab()
      .date(p.birthDay)
      .tab()
      .opt(p.birthPlace)
      .tab()
      .text(p.citizenship)
      .tab()
      .opt(p.snils)
      .tab();
    ps.int(p.category)
      .tab()
      .optDate(p.deathDay)
      .tab()
      .nul()
      .tab()
      .int(1)
      .tab()
      .moscowMidnight(firstDay)
      .tab();
    ps.moscowMidnight(lastDay).end();

    const ds = this.sinks.identity_documents;
    for (const d of p.documents) {
      const at = d.issueDay !== null && d.issueDay > firstDay ? d.issueDay : firstDay;
      ds.int(++this.ids.document)
        .tab()
        .int(id)
        .tab()
        .int(d.kind)
        .tab()
        .opt(d.series)
        .tab()
        .text(d.number)
        .tab();
      ds.optDate(d.issueDay)
        .tab()
        .opt(d.issuer)
        .tab()
        .optDate(d.validToDay)
        .tab()
        .text(d.current ? 't' : 'f')
        .tab();
      ds.moscowMidnight(at).tab().moscowMidnight(at).end();
    }
    const rs = this.sinks.representations;
    for (const r of p.representatives) {
      rs.int(++this.ids.representation).tab().int(r.representativeId).tab().int(id).tab().text(r.kind).tab();
      rs.date(r.fromDay)
        .tab()
        .optDate(r.toDay)
        .tab()
        .moscowMidnight(firstDay)
        .tab()
        .moscowMidnight(firstDay)
        .end();
    }
    const cs = this.sinks.coverages;
    for (const c of p.coverages) {
      cs.int(++this.ids.coverage).tab().int(id).tab().text(c.insurerCode).tab().text(c.subjectCode).tab();
      cs.text(c.status)
        .tab()
        .text(c.reason)
        .tab()
        .text(c.form)
        .tab()
        .date(c.fromDay)
        .tab()
        .optDate(c.toDay)
        .tab();
      cs.moscowMidnight(c.fromDay).tab().nul().end();
    }
    const as = this.sinks.attachments;
    for (const a of p.attachments) {
      as.int(++this.ids.attachment)
        .tab()
        .int(id)
        .tab()
        .text(a.moCode)
        .tab()
        .date(a.fromDay)
        .tab()
        .optDate(a.toDay)
        .tab();
      as.opt(a.reason).end();
    }
    const es = this.sinks.register_events;
    es.int(++this.ids.event)
      .tab()
      .int(id)
      .tab()
      .text('person')
      .tab()
      .int(id)
      .tab()
      .text('person.loaded')
      .tab();
    this.loadedBy(firstDay);
    es.tab().nul().tab().opt(p.eventData).end();
    for (const h of p.history ?? []) {
      es.int(++this.ids.event).tab().int(id).tab().text('coverage').tab().nul().tab().text(h.action).tab();
      this.loadedBy(h.effectiveDay);
      es.tab().nul().tab().text(h.data).end();
    }
  }

  /** An event's effective day, then its record time, actor and source: every seeded event is the seeder's. */
  private loadedBy(effectiveDay: number): void {
    this.sinks.register_events
      .date(effectiveDay)
      .tab()
      .moscowMidnight(this.loadDay)
      .tab()
      .text('system')
      .tab()
      .text('seeder')
      .tab()
      .text('seed');
  }

  /** Bytes of COPY text waiting for the table. */
  bytes(table: RegisterTable): number {
    return this.sinks[table].length;
  }

  /** Hands over the table's rows written so far. */
  take(table: RegisterTable): Chunk {
    const rows = this.sinks[table].rows;
    return { table, rows, text: this.sinks[table].take() };
  }

  /** Hands over every table's rows (empty ones included). */
  takeAll(): Chunk[] {
    return REGISTER_TABLES.map((t) => this.take(t));
  }
}
