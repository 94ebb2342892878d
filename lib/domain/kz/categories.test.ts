import { describe, expect, it } from 'vitest';
import {
  LOCAL_BODY_CATEGORIES,
  OSMS_CATEGORIES,
  STATE_PAID_CATEGORIES,
  categoryName,
  categoryPayer,
  isOsmsCategory,
} from './categories';

describe('ОСМС categories', () => {
  it('lists the 15 state-paid categories and the 2 a local executive body pays for, each named in Russian', () => {
    expect(Object.keys(STATE_PAID_CATEGORIES)).toHaveLength(15);
    expect(Object.keys(LOCAL_BODY_CATEGORIES)).toEqual(['REGISTERED_UNEMPLOYED', 'CRISIS_SOCIAL_WELLBEING']);
    expect(OSMS_CATEGORIES).toHaveLength(17);
    for (const c of OSMS_CATEGORIES)
      expect(categoryName(c)).toMatch(/^[А-ЯЁ][\p{Script=Cyrillic} «»,()\-–]+$/u);
  });

  it('says who pays for each', () => {
    expect(categoryPayer('CHILDREN')).toBe('state');
    expect(categoryPayer('HOUSE_ARREST_NOT_WORKING')).toBe('state');
    expect(categoryPayer('REGISTERED_UNEMPLOYED')).toBe('local-body');
    expect(categoryPayer('CRISIS_SOCIAL_WELLBEING')).toBe('local-body');
  });

  it('recognises its codes only, not inherited names', () => {
    expect(isOsmsCategory('FULL_TIME_STUDENT')).toBe(true);
    expect(isOsmsCategory('STUDENT')).toBe(false);
    expect(isOsmsCategory('toString')).toBe(false);
  });
});
