import { describe, expect, it } from 'vitest';
import type { HealthReport } from './check-health';
import { serviceStatus } from './service-status';

const base = {
  checkedAt: '2026-12-04T20:00:00.000Z',
  app: { name: 'oms-register' as const, version: '0.1.0', uptimeSeconds: 5 },
  replicas: [],
};
const up = (calendar: NonNullable<HealthReport['calendar']>): HealthReport => ({
  ...base,
  status: 'ok',
  database: { status: 'up', latencyMs: 1.2, role: 'primary' },
  calendar,
  feeds: [],
  problems: [],
});

describe('serviceStatus', () => {
  it('works when the register answers and both years are loaded in full', () => {
    const s = serviceStatus(up({ years: [2026, 2027], missingYears: [], incompleteYears: [] }));
    expect(s.verdict).toBe('ok');
    expect(s.title).toBe('Сервис работает');
    expect(s.register).toEqual({ answering: true, text: 'Отвечает' });
    expect(s.calendar?.map((y) => [y.year, y.state])).toEqual([
      [2026, 'loaded'],
      [2027, 'loaded'],
    ]);
    expect(s.checkedAt.toISOString()).toBe(base.checkedAt);
  });

  it('gives each year its own verdict, in the order checked, and is limited while one is not complete', () => {
    const s = serviceStatus(up({ years: [2026, 2027], missingYears: [], incompleteYears: [2027] }));
    expect(s.verdict).toBe('limited');
    expect(s.title).toBe('Сервис работает с ограничениями');
    expect(s.calendar?.map((y) => [y.year, y.state])).toEqual([
      [2026, 'loaded'],
      [2027, 'incomplete'],
    ]);
    expect(s.calendar?.[1]?.label).toBe('Загружен не полностью');
    expect(s.calendar?.[1]?.text).toMatch(/сроки могут сдвинуться/);

    const missing = serviceStatus(up({ years: [2026, 2027], missingYears: [2026], incompleteYears: [] }));
    expect(missing.verdict).toBe('limited');
    expect(missing.calendar?.map((y) => [y.year, y.state])).toEqual([
      [2026, 'missing'],
      [2027, 'loaded'],
    ]);
    expect(missing.calendar?.[0]?.label).toBe('Не загружен');
    expect(missing.calendar?.[0]?.text).toMatch(/по обычной пятидневке/);
  });

  it('calls a year missing rather than incomplete when the check lists it as both', () => {
    const s = serviceStatus(up({ years: [2027, 2028], missingYears: [2028], incompleteYears: [2028] }));
    expect(s.calendar?.find((y) => y.year === 2028)?.state).toBe('missing');
  });

  it('says the service is down, and that the policy still holds, when the register does not answer', () => {
    const s = serviceStatus({
      ...base,
      status: 'degraded',
      database: {
        status: 'down',
        latencyMs: null,
        role: 'unknown',
        error: 'База данных регистра недоступна.',
      },
      feeds: null,
      calendar: null,
      problems: [],
    });
    expect(s.verdict).toBe('down');
    expect(s.title).toBe('Сервис временно недоступен');
    expect(s.register.answering).toBe(false);
    expect(s.calendar).toBeNull();
    expect(s.summary).toContain('медицинская помощь оказывается как обычно');
  });
});
