import { describe, expect, it } from 'vitest';
import { LONGEST_STALENESS_SECONDS } from '@/db/read-routing';
import { carriedWriteFrom, ownWriteCookie } from './own-write-cookie';

const NOW = 1_800_000_000_000;

describe('the cookie that carries the caller’s last write', () => {
  it('is HttpOnly, SameSite=Lax, for the whole site, kept for the longest staleness limit', () => {
    expect(ownWriteCookie('16/B374D848', NOW, false)).toBe(
      `oms_rw=16/B374D848.${NOW}; Max-Age=120; Path=/; HttpOnly; SameSite=Lax`,
    );
    expect(LONGEST_STALENESS_SECONDS).toBe(120);
    expect(ownWriteCookie('0/1', NOW, true)).toBe(
      `oms_rw=0/1.${NOW}; Max-Age=120; Path=/; HttpOnly; SameSite=Lax; Secure`,
    );
  });

  it('reads back what it wrote, among other cookies', () => {
    const value = ownWriteCookie('16/B374D848', NOW, false).split(';', 1)[0];
    expect(carriedWriteFrom(`a=1; ${value}; next-auth.session-token=x.y`, NOW + 1_000)).toBe('16/B374D848');
    expect(carriedWriteFrom(value, NOW)).toBe('16/B374D848');
    expect(carriedWriteFrom('oms_rw=16/b374d848.' + NOW, NOW)).toBe('16/B374D848');
  });

  it('takes the later position when several are sent', () => {
    expect(carriedWriteFrom(`oms_rw=1/0.${NOW}; oms_rw=0/FFFFFFFF.${NOW}`, NOW)).toBe('1/0');
    expect(carriedWriteFrom(`oms_rw=0/5.${NOW}; oms_rw=0/6.${NOW}`, NOW)).toBe('0/6');
  });

  it('is accepted up to 120 s old and up to 5 s ahead of this process’s clock, not beyond', () => {
    expect(carriedWriteFrom(`oms_rw=0/5.${NOW - 120_000}`, NOW)).toBe('0/5');
    expect(carriedWriteFrom(`oms_rw=0/5.${NOW - 120_001}`, NOW)).toBeNull();
    expect(carriedWriteFrom(`oms_rw=0/5.${NOW + 5_000}`, NOW)).toBe('0/5');
    expect(carriedWriteFrom(`oms_rw=0/5.${NOW + 5_001}`, NOW)).toBeNull();
  });

  it('ignores a malformed value, and a valid one beside it still counts', () => {
    for (const bad of [
      'oms_rw=',
      'oms_rw=0/5',
      `oms_rw=0/5.${NOW}x`,
      `oms_rw=0-5.${NOW}`,
      `oms_rw=123456789/0.${NOW}`,
      `oms_rw=0/G.${NOW}`,
      `oms_rw= 0/5 .${NOW}`,
      `oms_rw=0/5.-${NOW}`,
      `oms_rw=0/5.${NOW}.1`,
      `xoms_rw=0/5.${NOW}`,
      `oms_rw=0/5;.${NOW}`,
    ])
      expect(carriedWriteFrom(bad, NOW), bad).toBeNull();
    expect(carriedWriteFrom(undefined, NOW)).toBeNull();
    expect(carriedWriteFrom(`oms_rw=0/G.${NOW}; oms_rw=0/7.${NOW}`, NOW)).toBe('0/7');
  });
});
