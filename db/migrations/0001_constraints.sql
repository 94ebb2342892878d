-- Constraints drizzle's schema DSL cannot express: they keep the register's invariants true even if
-- application code is wrong.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
-- No two currently-believed coverage periods of one person may overlap (at most one is current).
ALTER TABLE "coverages" ADD CONSTRAINT "coverages_no_overlap"
  EXCLUDE USING gist ("person_id" WITH =, daterange("valid_from", "valid_to", '[)') WITH &&)
  WHERE ("recorded_to" IS NULL);
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_no_overlap"
  EXCLUDE USING gist ("person_id" WITH =, daterange("valid_from", "valid_to", '[)') WITH &&);
--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_merged_into_fk"
  FOREIGN KEY ("merged_into_id") REFERENCES "persons"("id");
--> statement-breakpoint
-- ЕНП serials (digits 3-15): one sequence for the whole register, so an ЕНП is never issued twice.
CREATE SEQUENCE "enp_serial_seq" AS bigint MINVALUE 1 MAXVALUE 9999999999999 START 1;
--> statement-breakpoint
CREATE SEQUENCE "application_number_seq" AS bigint START 1;
--> statement-breakpoint
CREATE FUNCTION "refuse_change_of_history"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "register_events_append_only" BEFORE UPDATE OR DELETE ON "register_events"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change_of_history"();
--> statement-breakpoint
CREATE TRIGGER "register_events_no_truncate" BEFORE TRUNCATE ON "register_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change_of_history"();
--> statement-breakpoint
CREATE TRIGGER "access_log_append_only" BEFORE UPDATE OR DELETE ON "access_log"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change_of_history"();
--> statement-breakpoint
CREATE TRIGGER "access_log_no_truncate" BEFORE TRUNCATE ON "access_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change_of_history"();
