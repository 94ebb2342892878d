import { describe, expect, it } from 'vitest';
import { checkHealth } from './check-health';

describe('the health check of a Kazakh register', () => {
  it('asks for no production calendar: no deadline there is counted in working days', async () => {
    // 1 December: a Russian register would ask for this year's and next year's calendar (neither loaded here).
    const report = await checkHealth(new Date('2026-12-01T06:00:00Z'));
    expect(report.status).toBe('ok');
    expect(report.database.status).toBe('up');
    expect(report.calendar).toBeNull();
    expect(report.problems.filter((p) => p.code.startsWith('CALENDAR'))).toEqual([]);
  });
});
