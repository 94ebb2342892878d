import { beforeAll, describe, expect, it } from 'vitest';
import { citizen, newIdentity } from '@/testing/applications/citizens';
import { rejection } from '@/testing/expect-error';
import {
  createDemoOperators,
  ffoms,
  queuedPolicyApplication,
  smo,
  tfoms,
} from '@/testing/applications/queue';
import { listApplicationQueue, queueFirstPage } from './application-queue';
import { decideApplication } from './decide-application';
import { submitPolicyApplication } from './submit-policy-application';

// Thursday 12 March 2026, 12:00 in Moscow.
const now = new Date('2026-03-12T09:00:00Z');
const at = (iso: string) => new Date(iso);

/** The applications of this file (one database per file), by name. */
const n: Record<string, string> = {};

beforeAll(async () => {
  await createDemoOperators();
  const q = async (name: string, iso: string, subjectCode: string, insurerCode: string) => {
    n[name] = (await queuedPolicyApplication(at(iso), { subjectCode, insurerCode })).application.number;
  };
  await q('P1', '2026-03-02T09:00:00Z', '50', '50001'); // due 03.03 — overdue
  await q('P2', '2026-03-10T09:00:00Z', '50', '50002'); // due 11.03 — overdue
  await q('P3', '2026-03-11T09:00:00Z', '50', '50001'); // due 12.03 — due today
  await q('P4', '2026-03-12T08:00:00Z', '50', '50002'); // due 13.03
  await q('P5', '2026-03-04T09:00:00Z', '78', '78001'); // due 05.03 — overdue, another region
  // Decided by an operator: in time (03.03 ≤ due 03.03) and late (10.03 > due 05.03).
  await q('D1', '2026-03-02T10:00:00Z', '50', '50001');
  await decideApplication(
    { number: n.D1!, decision: 'refuse', reason: 'REFUSED_DATA_MISMATCH' },
    tfoms('50'),
    { now: at('2026-03-03T10:00:00Z') },
  );
  await q('D2', '2026-03-04T10:00:00Z', '50', '50002');
  await decideApplication({ number: n.D2!, decision: 'refuse', reason: 'REFUSED_DOCUMENT_INVALID' }, ffoms, {
    now: at('2026-03-10T10:00:00Z'),
  });
  // Issued automatically at submission (05.03): listed among the decided, not counted as an operator's.
  const auto = await submitPolicyApplication(
    { identity: newIdentity(), subjectCode: '50', insurerCode: '50003' },
    citizen(),
    { now: at('2026-03-05T10:00:00Z') },
  );
  expect(auto.outcome).toBe('issued');
  n.AUTO = auto.application!.number;
});

const numbers = (page: { items: { number: string }[] }) => page.items.map((i) => i.number);

describe('listApplicationQueue: scope', () => {
  it('ФФОМС sees the whole country, overdue first then the nearest deadline', async () => {
    const page = await queueFirstPage(ffoms, { now });
    expect(numbers(page)).toEqual([n.P1, n.P5, n.P2, n.P3, n.P4]);
    expect(page.scope).toEqual({ subjectCode: null, insurerCode: null });
    const first = page.items[0]!;
    expect(first).toMatchObject({
      kind: 'electronic_policy',
      kindLabel: 'Оформление полиса ОМС',
      status: 'submitted',
      applicant: 'Васильев Андрей Игоревич',
      subjectCode: '50',
      insurerCode: '50001',
      dueAt: new Date('2026-03-03T20:59:59.999Z'),
      timeLeft: { overdue: true, text: 'просрочено на 8 д 12 ч' },
    });
    expect(first.regionName).toContain('Московская');
    expect(first.reasonText).toContain('Заявление проверит специалист');
    expect(page.items.find((i) => i.number === n.P4)!.timeLeft).toEqual({
      overdue: false,
      text: 'осталось 1 д 11 ч',
    });
  });

  it('a ТФОМС operator sees its region only, and is refused another region', async () => {
    expect(numbers(await queueFirstPage(tfoms('50'), { now }))).toEqual([n.P1, n.P2, n.P3, n.P4]);
    expect(numbers(await queueFirstPage(tfoms('78'), { now }))).toEqual([n.P5]);
    const error = await rejection(listApplicationQueue({ subjectCode: '78' }, tfoms('50'), { now }));
    expect(error.code).toBe('FORBIDDEN');
  });

  it('an СМО operator sees its insurer only, and is refused another insurer', async () => {
    expect(numbers(await queueFirstPage(smo('50001'), { now }))).toEqual([n.P1, n.P3]);
    const error = await rejection(listApplicationQueue({ insurerCode: '50002' }, smo('50001'), { now }));
    expect(error.code).toBe('FORBIDDEN');
  });

  it('refuses citizens, clinics and the system', async () => {
    for (const actor of [
      citizen(),
      { kind: 'clinic', id: 'registrator', moCode: '770001' } as const,
      { kind: 'api_key', id: 'k', moCode: '770001' } as const,
      { kind: 'feed', id: 'zags', source: 'zags' } as const,
    ]) {
      expect((await rejection(queueFirstPage(actor, { now }))).code).toBe('FORBIDDEN');
    }
  });
});

describe('listApplicationQueue: filters and pages', () => {
  it('overdue only', async () => {
    const page = await listApplicationQueue({ overdueOnly: true }, ffoms, { now });
    expect(numbers(page)).toEqual([n.P1, n.P5, n.P2]);
  });

  it('by region and insurer (ФФОМС narrowing the country)', async () => {
    expect(numbers(await listApplicationQueue({ subjectCode: '78' }, ffoms, { now }))).toEqual([n.P5]);
    expect(numbers(await listApplicationQueue({ insurerCode: '50002' }, ffoms, { now }))).toEqual([
      n.P2,
      n.P4,
    ]);
    // A ТФОМС operator may narrow its region to one insurer.
    expect(numbers(await listApplicationQueue({ insurerCode: '50001' }, tfoms('50'), { now }))).toEqual([
      n.P1,
      n.P3,
    ]);
  });

  it('by kind', async () => {
    expect(numbers(await listApplicationQueue({ kind: 'child_registration' }, ffoms, { now }))).toEqual([]);
    expect(numbers(await listApplicationQueue({ kind: 'electronic_policy' }, tfoms('78'), { now }))).toEqual([
      n.P5,
    ]);
  });

  it('decided ones, newest decision first; all: waiting first, then decided', async () => {
    const refused = await listApplicationQueue({ status: 'refused' }, tfoms('50'), { now });
    expect(numbers(refused)).toEqual([n.D2, n.D1]);
    expect(refused.items[0]).toMatchObject({ status: 'refused', timeLeft: null });
    expect(refused.items[0]!.reasonText).toContain('Документ, удостоверяющий личность');
    expect(numbers(await listApplicationQueue({ status: 'done' }, tfoms('50'), { now }))).toEqual([n.AUTO]);
    expect(numbers(await listApplicationQueue({ status: 'all' }, tfoms('50'), { now }))).toEqual([
      n.P1,
      n.P2,
      n.P3,
      n.P4,
      n.D2,
      n.AUTO,
      n.D1,
    ]);
  });

  it('pages: a bounded offset, the next page continues where the first ended', async () => {
    const first = await listApplicationQueue({ status: 'all' }, tfoms('50'), { now, pageSize: 3 });
    expect(numbers(first)).toEqual([n.P1, n.P2, n.P3]);
    expect(first.hasNext).toBe(true);
    const second = await listApplicationQueue({ status: 'all', page: 2 }, tfoms('50'), { now, pageSize: 3 });
    expect(numbers(second)).toEqual([n.P4, n.D2, n.AUTO]);
    const third = await listApplicationQueue({ status: 'all', page: 3 }, tfoms('50'), { now, pageSize: 3 });
    expect(numbers(third)).toEqual([n.D1]);
    expect(third.hasNext).toBe(false);
    const error = await rejection(listApplicationQueue({ page: 201 }, ffoms, { now }));
    expect(error.fields.map((f) => f.field)).toEqual(['page']);
  });

  it('search by number, within the scope only', async () => {
    expect(numbers(await listApplicationQueue({ number: n.P3 }, ffoms, { now }))).toEqual([n.P3]);
    // Leading zeros may be left out.
    const short = n.P3!.replace(/-0+/, '-');
    expect(numbers(await listApplicationQueue({ number: short }, tfoms('50'), { now }))).toEqual([n.P3]);
    expect(numbers(await listApplicationQueue({ number: n.P3 }, tfoms('78'), { now }))).toEqual([]);
  });

  it('names every invalid filter', async () => {
    const error = await rejection(
      listApplicationQueue(
        { status: 'x' as never, kind: 'y' as never, subjectCode: '7', insurerCode: 'abc', number: '42' },
        ffoms,
        { now },
      ),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields.map((f) => f.field)).toEqual([
      'status',
      'kind',
      'subjectCode',
      'insurerCode',
      'number',
    ]);
  });
});

describe('queue counters', () => {
  it('count waiting, due today, overdue and this month’s operator decisions in the scope', async () => {
    expect((await queueFirstPage(tfoms('50'), { now })).counters).toEqual({
      waiting: 4,
      dueToday: 1,
      overdue: 2,
      decidedInTime: 1,
      decidedLate: 1,
    });
    expect((await queueFirstPage(ffoms, { now })).counters).toEqual({
      waiting: 5,
      dueToday: 1,
      overdue: 3,
      decidedInTime: 1,
      decidedLate: 1,
    });
    expect((await queueFirstPage(smo('50002'), { now })).counters).toEqual({
      waiting: 2,
      dueToday: 0,
      overdue: 1,
      decidedInTime: 0,
      decidedLate: 1,
    });
    // In April the month's decisions start from zero.
    expect((await queueFirstPage(tfoms('50'), { now: at('2026-04-01T09:00:00Z') })).counters).toMatchObject({
      decidedInTime: 0,
      decidedLate: 0,
    });
  });
});
