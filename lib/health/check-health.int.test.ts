import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { calendarYears } from '@/db/schema';
import { whileRegisterDown } from '@/testing/outage/register-down';
import { checkHealth } from './check-health';
import { serviceStatus } from './service-status';

describe('checkHealth', () => {
  it('checks this year and the next in Moscow, and the status page reads the same verdict per year', async () => {
    const rows = await getDb().select().from(calendarYears);
    const loaded = new Map(rows.map((r) => [r.year, r.complete]));
    // 21:30 UTC on 31 December is already 1 January in Moscow.
    const report = await checkHealth(new Date('2026-12-31T21:30:00Z'));
    expect(report.status).toBe('ok');
    expect(report.calendar?.years).toEqual([2027, 2028]);
    const expected = [2027, 2028].map((year) => [
      year,
      !loaded.has(year) ? 'missing' : loaded.get(year) ? 'loaded' : 'incomplete',
    ]);
    expect(serviceStatus(report).calendar?.map((y) => [y.year, y.state])).toEqual(expected);
    // The reference data holds 2027 in part and nothing of 2028: both verdicts are exercised.
    expect(expected).toEqual([
      [2027, 'incomplete'],
      [2028, 'missing'],
    ]);
    expect(serviceStatus(report).verdict).toBe('limited');
  });

  it('a year whose calendar is loaded in full is no limitation', async () => {
    const report = await checkHealth(new Date('2025-06-01T09:00:00Z'));
    expect(report.calendar?.years).toEqual([2025, 2026]);
    expect(serviceStatus(report).calendar?.map((y) => y.state)).toEqual(['loaded', 'loaded']);
    expect(serviceStatus(report).verdict).toBe('ok');
  });

  it('when the register cannot be reached: degraded, and the status page says the service is down', async () => {
    const report = await whileRegisterDown(() => checkHealth());
    expect(report.status).toBe('degraded');
    expect(report.database.status).toBe('down');
    const status = serviceStatus(report);
    expect(status.verdict).toBe('down');
    expect(status.register.answering).toBe(false);
    expect(status.calendar).toBeNull();
    // And back: the next check answers again.
    expect((await checkHealth()).status).toBe('ok');
  });
});
