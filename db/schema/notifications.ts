import { sql } from 'drizzle-orm';
import { bigint, index, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { applications } from './applications';
import { persons } from './persons';

/**
 * Messages to a citizen's account, written in the same transaction as the status change they announce.
 * Addressed to the identity-provider account (`recipient_sub`), because that is who signs in; `person_id`
 * says whom the message is about (the citizen or their child).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    recipientSub: varchar('recipient_sub', { length: 128 }).notNull(),
    personId: bigint('person_id', { mode: 'number' }).references(() => persons.id),
    applicationId: bigint('application_id', { mode: 'number' }).references(() => applications.id),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_recipient_idx').on(t.recipientSub, t.createdAt),
    index('notifications_unread_idx')
      .on(t.recipientSub)
      .where(sql`${t.readAt} is null`),
  ],
);
