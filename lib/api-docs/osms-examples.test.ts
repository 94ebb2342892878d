import { describe, expect, it } from 'vitest';
import { kzDemoPerson } from '@/db/seed/kz/demo-people';
import { OSMS_EXAMPLE_IIN } from './osms-examples';

describe('the Kazakh documentation examples', () => {
  it('name the demo register’s first person, so they answer on a demo server', () => {
    expect(OSMS_EXAMPLE_IIN).toBe(kzDemoPerson('employee').iin);
  });
});
