import { describe, expect, it } from 'vitest';
import type { LocalDate } from '@/lib/domain/dates';
import { endOfDayIn, formatDateTimeIn } from './zoned-time';

describe('times in the register’s zone', () => {
  it('ends a day at the next midnight in Almaty: UTC+5 since 01.03.2024, UTC+6 before', () => {
    expect(endOfDayIn('2025-06-10' as LocalDate, 'Asia/Almaty').toISOString()).toBe(
      '2025-06-10T19:00:00.000Z',
    );
    expect(endOfDayIn('2023-06-10' as LocalDate, 'Asia/Almaty').toISOString()).toBe(
      '2023-06-10T18:00:00.000Z',
    );
    expect(endOfDayIn('2025-06-10' as LocalDate, 'Europe/Moscow').toISOString()).toBe(
      '2025-06-10T21:00:00.000Z',
    );
  });

  it('writes an instant as ДД.ММ.ГГГГ ЧЧ:ММ of the zone', () => {
    expect(formatDateTimeIn(new Date('2025-06-10T19:30:00Z'), 'Asia/Almaty')).toBe('11.06.2025 00:30');
  });
});
