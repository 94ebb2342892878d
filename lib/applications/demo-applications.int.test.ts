import { describe, expect, it } from 'vitest';
import { createDemoOperators, ffoms, smo77001 } from '@/testing/applications/queue';
import { listApplicationQueue, queueFirstPage } from './application-queue';
import { seedDemoApplications } from './demo-applications';

describe('seedDemoApplications', () => {
  it('fills the queue with every state: overdue, due today, fresh, decided in time and late', async () => {
    const now = new Date('2026-03-12T09:00:00Z'); // Thursday, 12:00 in Moscow
    await createDemoOperators();
    expect(await seedDemoApplications(now)).toBe(10);
    const page = await queueFirstPage(ffoms, { now });
    expect(page.counters).toEqual({ waiting: 7, dueToday: 1, overdue: 4, decidedInTime: 2, decidedLate: 1 });
    expect(page.items.slice(0, 4).every((i) => i.timeLeft?.overdue)).toBe(true);
    expect(page.items[4]!.timeLeft).toEqual({ overdue: false, text: 'осталось 11 ч 59 мин' });
    expect((await queueFirstPage(smo77001, { now })).counters).toMatchObject({
      decidedInTime: 1,
      decidedLate: 1,
    });
    const refused = await listApplicationQueue({ status: 'refused' }, ffoms, { now });
    expect(refused.items.map((i) => i.reasonText)).toEqual([
      expect.stringContaining('Замените паспорт'),
      expect.stringContaining('Замените паспорт'),
    ]);
  });
});
