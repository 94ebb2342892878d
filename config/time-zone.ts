import type { Jurisdiction } from './env';

/**
 * The zone each register counts "today", deadlines and the instants shown to people in (ADR 0029, 0030):
 * Moscow time for Russia (UTC+3, no DST since 2014); Almaty time for Kazakhstan (UTC+5 across the country
 * since 01.03.2024, UTC+6 in Almaty before — the IANA database knows both). Constants with no imports but
 * a type, so every layer (lib/domain, db/, client components) may import them; the jurisdiction profiles
 * point here, and common server code asks `registerTimeZone()` (config/register-time-zone.ts).
 */
export const TIME_ZONES = {
  ru: 'Europe/Moscow',
  kz: 'Asia/Almaty',
} as const satisfies Record<Jurisdiction, string>;

/** Russia's zone, for Russian-only code (the production calendar, the dashboards, applications' labels). */
export const MOSCOW_TIME_ZONE = TIME_ZONES.ru;
