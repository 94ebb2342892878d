import { timestamp } from 'drizzle-orm/pg-core';

/** Shared timestamp columns: when a row was created and last changed (record time, not valid time). */
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};
