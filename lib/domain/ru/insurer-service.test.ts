import { describe, expect, it } from 'vitest';
import type { LocalDate } from '@/lib/domain/dates';
import { insurerServiceOn } from './insurer-service';

const d = (s: string) => s as LocalDate;
const terms = { servedFrom: '2020-01-01', servedTo: null, activeFrom: '2019-06-01', activeTo: null };

describe('insurerServiceOn', () => {
  it('serves from the first day to the last day inclusive of both the region and the licence', () => {
    const bounded = { ...terms, servedTo: '2026-12-31', activeTo: '2027-06-30' };
    expect(insurerServiceOn(bounded, d('2019-12-31')).serves).toBe(false);
    expect(insurerServiceOn(bounded, d('2020-01-01'))).toEqual({ serves: true, leavingOn: '2026-12-31' });
    expect(insurerServiceOn(bounded, d('2026-12-31')).serves).toBe(true);
    expect(insurerServiceOn(bounded, d('2027-01-01'))).toEqual({ serves: false, leavingOn: null });
  });

  it('a licence ending first ends the service first', () => {
    const licence = { ...terms, servedTo: '2027-12-31', activeTo: '2026-09-30' };
    expect(insurerServiceOn(licence, d('2026-09-30'))).toEqual({ serves: true, leavingOn: '2026-09-30' });
    expect(insurerServiceOn(licence, d('2026-10-01')).serves).toBe(false);
    expect(insurerServiceOn({ ...terms, activeFrom: '2026-05-01' }, d('2026-04-30')).serves).toBe(false);
  });

  it('an open-ended insurer is not leaving; no terms in the region means no service', () => {
    expect(insurerServiceOn(terms, d('2026-03-10'))).toEqual({ serves: true, leavingOn: null });
    expect(insurerServiceOn(null, d('2026-03-10'))).toEqual({ serves: false, leavingOn: null });
  });
});
