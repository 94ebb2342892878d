import { describe, expect, it } from 'vitest';
import { monthRu, tenge } from './format';

describe('the ОСМС pages’ formats', () => {
  it('writes tenge as 12 345,00 ₸ from the exact amount', () => {
    expect(tenge('12345.00')).toBe('12\u00a0345,00\u00a0₸');
    expect(tenge('3500')).toBe('3\u00a0500,00\u00a0₸');
    expect(tenge('1234567.5')).toBe('1\u00a0234\u00a0567,50\u00a0₸');
    expect(tenge('42.07')).toBe('42,07\u00a0₸');
  });
  it('names months in Russian', () => {
    expect(monthRu('2025-03')).toBe('март 2025');
    expect(monthRu('2024-12')).toBe('декабрь 2024');
  });
});
