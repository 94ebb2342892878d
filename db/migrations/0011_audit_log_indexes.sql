-- The audit log's filters (ADR 0020): each filter of /konsol/zhurnal walks one (column, at) index newest
-- first, so a filtered page reads about a page of rows however long the log is. The person filter uses
-- access_log_person_idx and staff_actions_person_idx, the time range the (at) indexes (0000, 0007).
CREATE INDEX "access_log_actor_idx" ON "access_log" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "access_log_organisation_idx" ON "access_log" USING btree ("organisation_code","at");--> statement-breakpoint
CREATE INDEX "access_log_purpose_idx" ON "access_log" USING btree ("purpose","at");--> statement-breakpoint
CREATE INDEX "staff_actions_login_idx" ON "staff_actions" USING btree ("login","at");--> statement-breakpoint
CREATE INDEX "staff_actions_organisation_idx" ON "staff_actions" USING btree ("organisation_code","at");--> statement-breakpoint
CREATE INDEX "staff_actions_action_idx" ON "staff_actions" USING btree ("action","at");
