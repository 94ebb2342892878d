import { describe, expect, it } from 'vitest';
import { cabinetPath } from '@/lib/auth/citizen-paths';
import { JOURNEYS, SECTIONS, serviceAt } from './citizen-services';

describe('the citizen services', () => {
  it('are pages of the personal cabinet, each listed once', () => {
    const hrefs = [...JOURNEYS, ...SECTIONS].map((s) => s.href);
    expect(new Set(hrefs).size).toBe(hrefs.length);
    // Every link survives the sign-in's own return-address check unchanged, so a journey opened while
    // signed out comes back to itself.
    for (const href of hrefs) expect(cabinetPath(href), href).toBe(href);
  });
});

describe('serviceAt', () => {
  it('finds the service of a return address, with a query or on a page under it', () => {
    expect(serviceAt('/lk/smena-smo')?.title).toBe('Сменить страховую компанию');
    expect(serviceAt('/lk/smena-smo/')?.title).toBe('Сменить страховую компанию');
    expect(serviceAt('/lk/polis?chelovek=12')?.title).toBe('Мой полис');
    expect(serviceAt('/lk/zayavleniya/2026-00000012')?.title).toBe('Мои заявления');
    expect(serviceAt('/lk/prosmotry#list')?.purpose).toBe('узнать, кто проверял ваш полис');
  });

  it('finds nothing for the cabinet itself, other pages, or a name that only begins like a service', () => {
    for (const path of ['/lk', '/lk/', '/lk/vyhod', '/lk/polisx', '/lk/smena-smo-old', '/', '', '/clinic'])
      expect(serviceAt(path), path).toBeNull();
  });

  it('names what the sign-in returns to only after the sign-in checked the address', () => {
    // An address off the site becomes the cabinet, which names no service.
    for (const next of ['https://evil.example/lk/polis', '//evil.example/lk/polis', '/lk/../clinic'])
      expect(serviceAt(cabinetPath(next, 'http://localhost:3000')), next).toBeNull();
    expect(serviceAt(cabinetPath('http://localhost:3000/lk/rebenok', 'http://localhost:3000'))?.href).toBe(
      '/lk/rebenok',
    );
  });
});
