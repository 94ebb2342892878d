import { describe, expect, it } from 'vitest';
import { cabinetPath } from './citizen-paths';

describe('cabinetPath', () => {
  it('keeps paths of the cabinet', () => {
    expect(cabinetPath('/lk')).toBe('/lk');
    expect(cabinetPath('/lk/polis')).toBe('/lk/polis');
    expect(cabinetPath('/lk/zayavleniya?status=new')).toBe('/lk/zayavleniya?status=new');
  });

  it('takes next-auth absolute callback URLs of our own site', () => {
    expect(cabinetPath('http://localhost:3000/lk/polis', 'http://localhost:3000')).toBe('/lk/polis');
  });

  it('never leads elsewhere', () => {
    for (const bad of [
      'https://evil.example/lk',
      '//evil.example/lk',
      '/clinic',
      '/lk//evil',
      '/lkx',
      '',
      null,
      42,
    ]) {
      expect(cabinetPath(bad, 'http://localhost:3000')).toBe('/lk');
    }
    expect(cabinetPath('http://localhost:3000.evil.example/lk', 'http://localhost:3000')).toBe('/lk');
  });
});

describe('cabinetPath in a register whose cabinet is /kabinet (Kazakhstan)', () => {
  it('keeps paths of that cabinet and refuses the other country’s', () => {
    const site = 'http://localhost:3000';
    expect(cabinetPath('/kabinet/zagruzka', site, '/kabinet')).toBe('/kabinet/zagruzka');
    expect(cabinetPath(`${site}/kabinet`, site, '/kabinet')).toBe('/kabinet');
    for (const other of ['/lk', '/lk/polis', '/kabinetx', '/kabinet//evil', 'https://evil.example/kabinet'])
      expect(cabinetPath(other, site, '/kabinet')).toBe('/kabinet');
  });
});
