import {
  boolean,
  char,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';
import { calendarDayKindEnum } from './enums';

/** Subjects of the RF (F010), keyed by the 2-digit subject code used in ЕНП, SMOCOD and MCOD. */
export const subjects = pgTable('subjects', {
  code: char('code', { length: 2 }).primaryKey(),
  okato: varchar('okato', { length: 5 }).notNull(),
  nameRu: text('name_ru').notNull(),
  nameEn: text('name_en').notNull(),
  federalDistrict: text('federal_district'),
  /** `verified`, or `assumed` where the subject code was not found in public sources. */
  codeStatus: varchar('code_status', { length: 16 }).notNull(),
});

/** A reference to a subject of the RF (its 2-digit code), required. */
export const subjectCodeColumn = () =>
  char('subject_code', { length: 2 })
    .notNull()
    .references(() => subjects.code);

/** The legal identity shared by insurers and medical organisations (names and ОГРН). */
const organisationIdentity = () => ({
  nameFull: text('name_full').notNull(),
  nameShort: text('name_short').notNull(),
  ogrn: varchar('ogrn', { length: 13 }).notNull(),
});

/** Insurers (F002-like): each row is a regional branch; SMOCOD starts with its subject code. */
export const insurers = pgTable(
  'insurers',
  {
    code: char('code', { length: 5 }).primaryKey(),
    subjectCode: subjectCodeColumn(),
    ...organisationIdentity(),
    inn: varchar('inn', { length: 10 }).notNull(),
    address: text('address').notNull(),
    phone: varchar('phone', { length: 32 }).notNull(),
    hotLine: varchar('hot_line', { length: 32 }),
    email: varchar('email', { length: 128 }),
    website: varchar('website', { length: 128 }),
    activeFrom: date('active_from', { mode: 'string' }).notNull(),
    activeTo: date('active_to', { mode: 'string' }),
  },
  (t) => [index('insurers_subject_idx').on(t.subjectCode)],
);

/** The regions an insurer serves, with the period it works there (an insurer may leave a region). */
export const insurerRegions = pgTable(
  'insurer_regions',
  {
    insurerCode: char('insurer_code', { length: 5 })
      .notNull()
      .references(() => insurers.code),
    subjectCode: subjectCodeColumn(),
    servedFrom: date('served_from', { mode: 'string' }).notNull(),
    servedTo: date('served_to', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.insurerCode, t.subjectCode] }),
    index('insurer_regions_subject_idx').on(t.subjectCode),
  ],
);

/** Medical organisations (F003-like); MCOD starts with the subject code. */
export const medicalOrganisations = pgTable(
  'medical_organisations',
  {
    code: char('code', { length: 6 }).primaryKey(),
    subjectCode: subjectCodeColumn(),
    ...organisationIdentity(),
    address: text('address').notNull(),
    phone: varchar('phone', { length: 32 }),
    /** Offers primary care, so people may attach to it. */
    primaryCare: boolean('primary_care').notNull().default(true),
    activeFrom: date('active_from', { mode: 'string' }).notNull(),
    activeTo: date('active_to', { mode: 'string' }),
  },
  (t) => [index('medical_organisations_subject_idx').on(t.subjectCode)],
);

/** Days that differ from the plain Mon–Fri week (holidays, transfers, working Saturdays). */
export const calendarDays = pgTable('calendar_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  kind: calendarDayKindEnum('kind').notNull(),
});

/** Years whose production calendar is loaded; other years count as plain Mon–Fri and are flagged. */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  source: text('source').notNull(),
  /** False while the year's transfer decree is not known (statutory holidays only): flagged to admins. */
  complete: boolean('complete').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
});
