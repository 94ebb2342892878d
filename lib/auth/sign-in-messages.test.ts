import { describe, expect, it } from 'vitest';
import { lockedMessage } from './sign-in-messages';

describe('the lockout message', () => {
  it('says until when, ЧЧ:ММ Moscow time, the minute rounded up', () => {
    const now = new Date('2026-12-04T11:20:00Z');
    expect(lockedMessage(new Date('2026-12-04T11:35:00Z'), now)).toBe(
      'Вход временно заблокирован из-за нескольких неудачных попыток. Повторите вход после 14:35 (время московское).',
    );
    expect(lockedMessage(new Date('2026-12-04T11:35:01Z'), now)).toContain('после 14:36 (время');
  });

  it('adds the date when the lock lifts on another Moscow day', () => {
    const now = new Date('2026-12-04T20:50:00Z'); // 23:50 in Moscow
    expect(lockedMessage(new Date('2026-12-04T21:05:00Z'), now)).toContain('после 00:05 05.12.2026 (время');
  });

  it('in a Kazakh register, in Astana time (UTC+5)', () => {
    const saved = process.env.REGISTER_JURISDICTION;
    process.env.REGISTER_JURISDICTION = 'kz';
    try {
      const now = new Date('2026-12-04T11:20:00Z');
      expect(lockedMessage(new Date('2026-12-04T11:35:00Z'), now)).toContain('после 16:35 (время Астаны).');
      // 19:05 UTC is already the next day in Astana
      expect(lockedMessage(new Date('2026-12-04T19:05:00Z'), now)).toContain(
        'после 00:05 05.12.2026 (время Астаны)',
      );
    } finally {
      if (saved === undefined) delete process.env.REGISTER_JURISDICTION;
      else process.env.REGISTER_JURISDICTION = saved;
    }
  });
});
