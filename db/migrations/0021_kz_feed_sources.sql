-- Issue 14 / ADR 0031: the ОСМС feeds — the fund's payment system (`payments`) and the ministries' category
-- lists (`categories`) — are sources of the same feeds framework, so its keys, dedup records, freshness
-- counts and import resume points accept them. Which sources a deployment serves is its jurisdiction
-- profile's list; the database accepts every source either country may have.
ALTER TABLE "feed_keys" DROP CONSTRAINT "feed_keys_source";
--> statement-breakpoint
ALTER TABLE "feed_keys" ADD CONSTRAINT "feed_keys_source"
  CHECK ("source" IN ('zags', 'mvd', 'military', 'payments', 'categories'));
--> statement-breakpoint
ALTER TABLE "feed_events" DROP CONSTRAINT "feed_events_source";
--> statement-breakpoint
ALTER TABLE "feed_events" ADD CONSTRAINT "feed_events_source"
  CHECK ("source" IN ('zags', 'mvd', 'military', 'payments', 'categories'));
--> statement-breakpoint
ALTER TABLE "feed_daily_counts" DROP CONSTRAINT "feed_daily_counts_source";
--> statement-breakpoint
ALTER TABLE "feed_daily_counts" ADD CONSTRAINT "feed_daily_counts_source"
  CHECK ("source" IN ('zags', 'mvd', 'military', 'payments', 'categories'));
--> statement-breakpoint
ALTER TABLE "feed_import_runs" DROP CONSTRAINT "feed_import_runs_source";
--> statement-breakpoint
ALTER TABLE "feed_import_runs" ADD CONSTRAINT "feed_import_runs_source"
  CHECK ("source" IN ('zags', 'mvd', 'military', 'payments', 'categories'));
--> statement-breakpoint
-- A reversal finds the standing payment by its reference (the unique index); a category list's event finds
-- the person's standing memberships of one category.
CREATE INDEX "kz_category_memberships_person_category_idx" ON "kz_category_memberships" ("person_id", "category")
  WHERE "retracted_at" IS NULL;
