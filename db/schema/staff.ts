import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
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
    /** The TOTP secret (base32), kept once enrolment is confirmed; never shown again (ADR 0017). */
    totpSecret: varchar('totp_secret', { length: 64 }),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** The last TOTP time step accepted: a code of this step or an earlier one is refused (no reuse). */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
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
    check('staff_accounts_totp_enabled', sql`${t.totpEnabledAt} is null or ${t.totpSecret} is not null`),
  ],
);

/**
 * Staff sessions, kept on the server: the session cookie names a row here, and every request checks it
 * (idle and absolute expiry, sign-out everywhere, blocked accounts). A session passes through
 * `second_factor` (password checked, TOTP or recovery code awaited) or `enrolment` (an administrator
 * without TOTP must enrol) before it is `active`; only an active session opens staff pages.
 */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffId: bigint('staff_id', { mode: 'number' })
      .notNull()
      .references(() => staffAccounts.id),
    stage: varchar('stage', { length: 16 }).$type<StaffSessionStage>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    address: varchar('address', { length: 64 }),
    /** A TOTP secret offered for enrolment and not yet confirmed with a code. */
    pendingTotpSecret: varchar('pending_totp_secret', { length: 64 }),
  },
  (t) => [
    check('staff_sessions_stage', sql`${t.stage} in ('second_factor', 'enrolment', 'active')`),
    index('staff_sessions_open_idx')
      .on(t.staffId)
      .where(sql`${t.endedAt} is null`),
  ],
);

export type StaffSessionStage = 'second_factor' | 'enrolment' | 'active';

/** Every sign-in attempt (password or second factor), for the lockout per account and per address. */
export const staffSignInAttempts = pgTable(
  'staff_sign_in_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    login: varchar('login', { length: 64 }).notNull(),
    address: varchar('address', { length: 64 }).notNull(),
    succeeded: boolean('succeeded').notNull(),
  },
  (t) => [
    index('staff_sign_in_attempts_login_idx').on(t.login, t.at),
    index('staff_sign_in_attempts_address_idx')
      .on(t.address, t.at)
      .where(sql`not ${t.succeeded}`),
  ],
);

/** One-time recovery codes of the second factor, SHA-256 hashed; a used code keeps its row. */
export const staffRecoveryCodes = pgTable(
  'staff_recovery_codes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    staffId: bigint('staff_id', { mode: 'number' })
      .notNull()
      .references(() => staffAccounts.id, { onDelete: 'cascade' }),
    codeHash: char('code_hash', { length: 64 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [unique('staff_recovery_codes_code_key').on(t.staffId, t.codeHash)],
);
