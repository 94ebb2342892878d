-- Dashboards (ADR 0024): the console's figures are read from these small aggregate tables, recomputed by
-- the `dashboard.refresh` job from the register's own tables, so a page never scans millions of rows.

-- Persons covered today by region, insurer and status (the currently believed period valid today).
CREATE TABLE "dashboard_coverage_counts" (
	"subject_code" char(2) NOT NULL REFERENCES "subjects"("code"),
	"insurer_code" char(5) NOT NULL REFERENCES "insurers"("code"),
	"status" "coverage_status" NOT NULL,
	"persons" integer NOT NULL,
	CONSTRAINT "dashboard_coverage_counts_pkey" PRIMARY KEY ("subject_code", "insurer_code", "status"),
	CONSTRAINT "dashboard_coverage_counts_persons" CHECK ("persons" > 0)
);
--> statement-breakpoint
-- Applications per Moscow day: submitted that day, decided that day in time or late. Region and insurer
-- are those of the application (empty until known), so a region's figures are a filter of these rows.
CREATE TABLE "dashboard_application_days" (
	"day" date NOT NULL,
	"subject_code" char(2),
	"insurer_code" char(5),
	"submitted" integer NOT NULL DEFAULT 0,
	"decided_in_time" integer NOT NULL DEFAULT 0,
	"decided_late" integer NOT NULL DEFAULT 0,
	CONSTRAINT "dashboard_application_days_key" UNIQUE NULLS NOT DISTINCT ("day", "subject_code", "insurer_code"),
	CONSTRAINT "dashboard_application_days_counts" CHECK ("submitted" >= 0 AND "decided_in_time" >= 0 AND "decided_late" >= 0)
);
--> statement-breakpoint
-- Clinic lookups per Moscow day and channel (workspace, REST, FHIR), by the region of the asking МО.
CREATE TABLE "dashboard_lookup_days" (
	"day" date NOT NULL,
	"channel" "access_channel" NOT NULL,
	"subject_code" char(2),
	"lookups" integer NOT NULL,
	"found" integer NOT NULL,
	CONSTRAINT "dashboard_lookup_days_key" UNIQUE NULLS NOT DISTINCT ("day", "channel", "subject_code"),
	CONSTRAINT "dashboard_lookup_days_channel" CHECK ("channel" IN ('clinic_ui', 'rest', 'fhir')),
	CONSTRAINT "dashboard_lookup_days_counts" CHECK ("lookups" > 0 AND "found" >= 0 AND "found" <= "lookups")
);
--> statement-breakpoint
-- When each figure was last recomputed: the page's «по состоянию на».
CREATE TABLE "dashboard_refreshes" (
	"figure" varchar(32) PRIMARY KEY NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	"took_ms" integer NOT NULL,
	CONSTRAINT "dashboard_refreshes_figure" CHECK ("figure" IN ('coverage', 'applications', 'lookups'))
);
--> statement-breakpoint
-- The refresh reads the last weeks of applications and the access log by time.
CREATE INDEX "applications_submitted_at_idx" ON "applications" ("submitted_at");
--> statement-breakpoint
-- The duplicates figure counts merged records; few of millions, so a partial index finds them at once.
CREATE INDEX IF NOT EXISTS "persons_merged_into_idx" ON "persons" ("merged_into_id") WHERE "merged_into_id" IS NOT NULL;
