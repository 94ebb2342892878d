import { describe, expect, it } from 'vitest';
import type { StaffContext } from '@/lib/auth/staff-context';
import { mayOpenConsolePage } from './require-section';
import { CONSOLE_SECTIONS_OF } from './sections';

const admin: StaffContext = {
  actor: { kind: 'staff', id: 'ffoms1', role: 'ffoms_admin' },
  role: 'ffoms_admin',
} as StaffContext;
const tfoms = {
  actor: { kind: 'staff', id: 'tfoms77', role: 'tfoms_operator', subjectCode: '77' },
  role: 'tfoms_operator',
} as StaffContext;
const smo = {
  actor: { kind: 'staff', id: 'smo1', role: 'smo_operator', insurerCode: '77001' },
  role: 'smo_operator',
} as StaffContext;

describe('mayOpenConsolePage: the gate of the section a page lies in', () => {
  it('turns away a role its section is not for, on the section page and every page below it', () => {
    expect(mayOpenConsolePage(tfoms, '/konsol/spravochniki')).toBe(false);
    expect(mayOpenConsolePage(tfoms, '/konsol/spravochniki/zagruzka')).toBe(false);
    expect(mayOpenConsolePage(smo, '/konsol/zhurnal?s=01.01.2026')).toBe(false);
    expect(mayOpenConsolePage(smo, '/konsol/dubli/15')).toBe(false);
    expect(mayOpenConsolePage(admin, '/konsol/spravochniki/zagruzka')).toBe(true);
    expect(mayOpenConsolePage(tfoms, '/konsol/zhurnal?s=01.01.2026')).toBe(true);
  });

  it('does not take a section for the prefix of another word', () => {
    // '/konsol/lentyX' is no page of '/konsol/lenty'; it lies in no section.
    expect(mayOpenConsolePage(smo, '/konsol/lentyX')).toBe(true);
    expect(mayOpenConsolePage(smo, '/konsol/lenty')).toBe(false);
  });

  it('leaves pages outside every section to the use cases', () => {
    expect(mayOpenConsolePage(smo, '/konsol')).toBe(true);
    expect(mayOpenConsolePage(smo, '/konsol/lica/12')).toBe(true);
  });

  it("asks for the page's own permission on top of its section's roles", () => {
    expect(mayOpenConsolePage(tfoms, '/konsol/lenty')).toBe(true);
    expect(mayOpenConsolePage(tfoms, '/konsol/lenty/klyuchi', 'feed_key:manage')).toBe(false);
    expect(mayOpenConsolePage(admin, '/konsol/lenty/klyuchi', 'feed_key:manage')).toBe(true);
  });
});

describe("the sections of each country's console (ADR 0034)", () => {
  it('keeps the Russian-only sections out of the Kazakh list and the common frames in both', () => {
    const hrefs = (j: 'ru' | 'kz') => CONSOLE_SECTIONS_OF[j].map((s) => s.href);
    for (const ruOnly of ['/konsol/zayavleniya', '/konsol/dubli', '/konsol/spravochniki', '/konsol/svodka']) {
      expect(hrefs('ru')).toContain(ruOnly);
      expect(hrefs('kz')).not.toContain(ruOnly);
    }
    for (const common of [
      '/konsol/poisk',
      '/konsol/zhurnal',
      '/konsol/sotrudniki',
      '/konsol/lenty',
      '/konsol/profil',
    ])
      expect(hrefs('kz')).toContain(common);
  });
});
