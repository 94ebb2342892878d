import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { applicationStatusHistory } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { rejection } from '@/testing/expect-error';
import {
  changeApplicationStatus,
  idempotencyKey,
  PROVISIONAL_DUE_NOTE,
  toApplicationView,
} from './application-store';
import { loadCalendar } from './calendar';
import { citizen, notificationsOf } from '@/testing/applications/citizens';
import { storeApplication } from '@/testing/applications/stored';

const submit = (now: Date, actor = citizen(), key: string | null = null) =>
  storeApplication(now, {
    kind: 'insurer_change',
    applicant: actor,
    payload: { input: { insurerCode: '77002' } },
    idempotencyKey: key,
    insurerCode: '77002',
  });

describe('application infrastructure', () => {
  it('numbers applications YYYY-NNNNNNNN from the sequence, the year being Moscow’s', async () => {
    const a = await submit(new Date('2026-03-10T09:00:00Z'));
    const b = await submit(new Date('2025-12-31T22:30:00Z')); // 01:30 on 1 January in Moscow
    expect(a.row.number).toMatch(/^2026-\d{8}$/);
    expect(b.row.number).toMatch(/^2026-\d{8}$/);
    expect(Number(b.row.number.slice(5))).toBe(Number(a.row.number.slice(5)) + 1);
    expect(b.row.dueAt).toEqual(new Date('2026-01-12T20:59:59.999Z'));
  });

  it('loads the production calendar with complete years only; other years count by the Labour Code, marked provisional', async () => {
    const calendar = await loadCalendar();
    expect([...calendar.loadedYears].sort()).toEqual([2025, 2026]);
    expect(calendar.days.get('2026-03-09' as never)).toBe('transfer');
    expect(calendar.days.get('2026-03-08' as never)).toBe('holiday');
    const actor = citizen();
    // Friday 3 March 2028, a year with no data: Monday 6th is a working day, so the due time is its end.
    const { row } = await submit(new Date('2028-03-03T09:00:00Z'), actor);
    expect(row.dueAt).toEqual(new Date('2028-03-06T20:59:59.999Z'));
    expect(row.dueProvisional).toBe(true);
    expect(toApplicationView(row, new Date('2028-03-03T10:00:00Z')).dueProvisional).toBe(true);
    // Tuesday 7 March 2028: 8 March is a holiday by art. 112 itself, not a plain Wednesday.
    const beforeHoliday = await submit(new Date('2028-03-07T09:00:00Z'));
    expect(beforeHoliday.row.dueAt).toEqual(new Date('2028-03-09T20:59:59.999Z'));
    // The citizen is told, in the notification, that the due time may move.
    const [note] = await notificationsOf(actor.id);
    expect(note?.text).toContain(PROVISIONAL_DUE_NOTE);
    // Within the loaded years the due time is official.
    const official = await submit(new Date('2026-03-10T09:00:00Z'));
    expect(official.row.dueProvisional).toBe(false);
    expect(toApplicationView(official.row, new Date('2026-03-10T10:00:00Z')).dueProvisional).toBe(false);
  });

  it('an idempotency key makes a second submission return the first application', async () => {
    const actor = citizen();
    const key = idempotencyKey('insurer_change', actor.id, 'token-123456');
    const first = await submit(new Date('2026-03-10T09:00:00Z'), actor, key);
    const [x, y] = await Promise.all([
      submit(new Date('2026-03-10T09:00:01Z'), actor, key),
      submit(new Date('2026-03-10T09:00:01Z'), actor, key),
    ]);
    expect(first.created).toBe(true);
    expect([x.created, y.created]).toEqual([false, false]);
    expect(x.row.id).toBe(first.row.id);
    expect(await notificationsOf(actor.id)).toHaveLength(1);
  });

  it('every status change is kept in the history and notified to the applicant; only lifecycle transitions are allowed', async () => {
    const actor = citizen();
    const { row } = await submit(new Date('2026-03-06T12:00:00Z'), actor);
    const operator = { kind: 'staff', id: 'op-1', role: 'ffoms_admin' } as const;
    const db = getDb();
    const taken = await db.transaction((tx) =>
      changeApplicationStatus(tx, row, {
        to: 'in_progress',
        actor: operator,
        now: new Date('2026-03-10T07:00:00Z'),
      }),
    );
    const refused = await db.transaction((tx) =>
      changeApplicationStatus(tx, taken, {
        to: 'refused',
        actor: operator,
        now: new Date('2026-03-10T08:00:00Z'),
        reasonCode: 'DOCUMENTS_MISSING',
        reasonText: 'Не приложены документы.',
      }),
    );
    expect(refused).toMatchObject({
      status: 'refused',
      decidedBy: 'staff:op-1',
      reasonCode: 'DOCUMENTS_MISSING',
    });
    expect(refused.decidedAt).toEqual(new Date('2026-03-10T08:00:00Z'));

    const history = await db
      .select()
      .from(applicationStatusHistory)
      .where(eq(applicationStatusHistory.applicationId, row.id))
      .orderBy(applicationStatusHistory.id);
    expect(history.map((h) => [h.status, h.actorKind, h.reason])).toEqual([
      ['submitted', 'citizen', null],
      ['in_progress', 'staff', null],
      ['refused', 'staff', 'Не приложены документы.'],
    ]);
    const texts = (await notificationsOf(actor.id)).map((n) => n.text);
    expect(texts).toEqual([
      `Заявление № ${row.number} «Смена страховой медицинской организации» отправлено. Срок рассмотрения — до 10.03.2026, 23:59 (мск).`,
      `Заявление № ${row.number} «Смена страховой медицинской организации» принято в работу.`,
      `По заявлению № ${row.number} «Смена страховой медицинской организации» отказано. Не приложены документы.`,
    ]);

    const illegal = await rejection(
      db.transaction((tx) =>
        changeApplicationStatus(tx, refused, { to: 'done', actor: operator, now: new Date() }),
      ),
    );
    expect(illegal.code).toBe('CONFLICT');
    // A decision prepared from a stale read loses.
    const stale = await rejection(
      db.transaction((tx) =>
        changeApplicationStatus(tx, taken, { to: 'done', actor: operator, now: new Date() }),
      ),
    );
    expect(stale.code).toBe('CONFLICT');
  });

  it('shows an undecided application past its due time as overdue', async () => {
    const { row } = await submit(new Date('2026-03-06T12:00:00Z'));
    expect(toApplicationView(row, new Date('2026-03-10T20:59:59.999Z')).overdue).toBe(false);
    expect(toApplicationView(row, new Date('2026-03-10T21:00:00Z')).overdue).toBe(true);
    const done = await getDb().transaction((tx) =>
      changeApplicationStatus(tx, row, {
        to: 'done',
        actor: systemActor('t'),
        now: new Date('2026-03-12T09:00:00Z'),
      }),
    );
    expect(toApplicationView(done, new Date('2026-03-12T09:00:00Z')).overdue).toBe(false);
  });
});
