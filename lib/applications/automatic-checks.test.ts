import { describe, expect, it } from 'vitest';
import { summariseReview } from './automatic-checks';
import { formatMoscowDateTime } from './labels';

describe('summariseReview', () => {
  it('keeps the first code and all the texts', () => {
    expect(summariseReview([])).toBeNull();
    expect(
      summariseReview([
        { code: 'DUPLICATE_SNILS', text: 'первое.' },
        { code: 'DOCUMENT_INVALID', text: 'второе' },
      ]),
    ).toEqual({ code: 'DUPLICATE_SNILS', text: 'Заявление проверит специалист: первое; второе.' });
  });
});

describe('formatMoscowDateTime', () => {
  it('shows instants in Moscow time', () => {
    expect(formatMoscowDateTime(new Date('2026-03-10T20:59:59.999Z'))).toBe('10.03.2026, 23:59');
  });
});
