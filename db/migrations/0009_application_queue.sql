-- The console's applications queue (issue 11, ADR 0018): every page is one index range scan in the order
-- it is shown, for the country, a region (ТФОМС) or an insurer (СМО). Waiting applications are read by due
-- time (overdue first, then the nearest deadline; many share the end of a working day, so the id breaks
-- ties), decided ones newest first. Partial indexes: each holds only the rows its list can show.
DROP INDEX IF EXISTS "applications_queue_idx";--> statement-breakpoint
CREATE INDEX "applications_queue_idx" ON "applications" USING btree ("due_at", "id") WHERE "applications"."status" in ('submitted', 'in_progress');--> statement-breakpoint
CREATE INDEX "applications_queue_subject_idx" ON "applications" USING btree ("subject_code", "due_at", "id") WHERE "applications"."status" in ('submitted', 'in_progress');--> statement-breakpoint
CREATE INDEX "applications_queue_insurer_idx" ON "applications" USING btree ("insurer_code", "due_at", "id") WHERE "applications"."status" in ('submitted', 'in_progress');--> statement-breakpoint
CREATE INDEX "applications_decided_idx" ON "applications" USING btree ("decided_at", "id") WHERE "applications"."status" in ('done', 'refused', 'cancelled');--> statement-breakpoint
CREATE INDEX "applications_decided_subject_idx" ON "applications" USING btree ("subject_code", "decided_at", "id") WHERE "applications"."status" in ('done', 'refused', 'cancelled');--> statement-breakpoint
CREATE INDEX "applications_decided_insurer_idx" ON "applications" USING btree ("insurer_code", "decided_at", "id") WHERE "applications"."status" in ('done', 'refused', 'cancelled');--> statement-breakpoint
-- The month's operator decisions (the queue's counters): an index-only count, in time or late, in any scope.
CREATE INDEX "applications_staff_decided_idx" ON "applications" USING btree ("decided_at", "due_at", "subject_code", "insurer_code") WHERE "applications"."status" in ('done', 'refused') and "applications"."decided_by" like 'staff:%';
