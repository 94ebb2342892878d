-- ADR 0029: the database knows whose register it is. One row at most (the key can only be `true`), written
-- once and never changed: a process configured for another jurisdiction must be unable to serve this
-- database (db/register-settings.ts compares the row with REGISTER_JURISDICTION at every start).
CREATE TABLE "register_settings" (
  "id" boolean DEFAULT true NOT NULL,
  "jurisdiction" text NOT NULL,
  "recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "register_settings_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "register_settings_one_row" CHECK ("id"),
  CONSTRAINT "register_settings_jurisdiction" CHECK ("jurisdiction" IN ('ru', 'kz'))
);
--> statement-breakpoint
-- Like the history tables (migration 0001): the row is never updated or deleted, and the table never emptied.
CREATE TRIGGER "register_settings_append_only" BEFORE UPDATE OR DELETE ON "register_settings"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change_of_history"();
--> statement-breakpoint
CREATE TRIGGER "register_settings_no_truncate" BEFORE TRUNCATE ON "register_settings"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change_of_history"();
--> statement-breakpoint
-- Until this migration no process could run anything but `ru` (ADR 0029), so a register that already
-- holds persons is Russian. An empty one gets its row at its first start, from REGISTER_JURISDICTION.
INSERT INTO "register_settings" ("jurisdiction") SELECT 'ru' WHERE EXISTS (SELECT 1 FROM "persons");
