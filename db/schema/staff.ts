import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  varchar,
} from 'drizzle-orm/pg-core';
import { insurers, medicalOrganisations, subjects } from './directories';

export const staffRoleEnum = pgEnum('staff_role', [
  'ffoms_admin',
  'tfoms_operator',
  'smo_operator',
  'clinic_registrar',
]);

/**
 * Accounts of the people who work the register: fund and insurer staff, clinic registrars. Each role is
 * bound to exactly the organisation it acts for (a region, an insurer, an МО), enforced here too.
 */
export const staffAccounts = pgTable(
  'staff_accounts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    login: varchar('login', { length: 64 }).notNull(),
    /** scrypt, self-describing: `scrypt$N$r$p$salt$hash` (base64url). */
    passwordHash: text('password_hash').notNull(),
    fullName: text('full_name').notNull(),
    role: staffRoleEnum('role').notNull(),
    subjectCode: char('subject_code', { length: 2 }).references(() => subjects.code),
    insurerCode: char('insurer_code', { length: 5 }).references(() => insurers.code),
    moCode: char('mo_code', { length: 6 }).references(() => medicalOrganisations.code),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
  },
  (t) => [
    unique('staff_accounts_login_key').on(t.login),
    check(
      'staff_accounts_role_scope',
      sql`(${t.role} = 'ffoms_admin' and ${t.subjectCode} is null and ${t.insurerCode} is null and ${t.moCode} is null)
       or (${t.role} = 'tfoms_operator' and ${t.subjectCode} is not null and ${t.insurerCode} is null and ${t.moCode} is null)
       or (${t.role} = 'smo_operator' and ${t.insurerCode} is not null and ${t.subjectCode} is null and ${t.moCode} is null)
       or (${t.role} = 'clinic_registrar' and ${t.moCode} is not null and ${t.subjectCode} is null and ${t.insurerCode} is null)`,
    ),
  ],
);
