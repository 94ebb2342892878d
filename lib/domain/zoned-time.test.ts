import { describe, expect, it } from 'vitest';
import { endOfMoscowDay, type LocalDate } from '@/lib/domain/dates';
import { endOfDayIn, formatDateTimeIn } from './zoned-time';

describe('times in the register’s zone', () => {
  it('ends a day at its last millisecond in Almaty: UTC+5 since 01.03.2024, UTC+6 before', () => {
    expect(endOfDayIn('2025-06-10' as LocalDate, 'Asia/Almaty').toISOString()).toBe(
      '2025-06-10T18:59:59.999Z',
    );
    expect(endOfDayIn('2023-06-10' as LocalDate, 'Asia/Almaty').toISOString()).toBe(
      '2023-06-10T17:59:59.999Z',
    );
    expect(endOfDayIn('2025-06-10' as LocalDate, 'Europe/Moscow').toISOString()).toBe(
      '2025-06-10T20:59:59.999Z',
    );
    // The same instant as the Russian register's fixed Moscow rule.
    expect(endOfDayIn('2025-06-10' as LocalDate, 'Europe/Moscow')).toEqual(
      endOfMoscowDay('2025-06-10' as LocalDate),
    );
  });

  it('writes an instant as ДД.ММ.ГГГГ ЧЧ:ММ of the zone', () => {
    expect(formatDateTimeIn(new Date('2025-06-10T19:30:00Z'), 'Asia/Almaty')).toBe('11.06.2025 00:30');
  });
});
