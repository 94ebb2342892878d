-- Issue 11: the console's person card reads a person's whole history — every coverage and attachment row,
-- current or not, and the applications they made or that concern them. The exclusion constraints' indexes
-- cover only believed rows (recorded_to is null), and nothing indexed the applicant, so each card scanned
-- these tables whole (≈ 50 ms each on 1,000,000 persons; measured on bench:console's register).
CREATE INDEX IF NOT EXISTS "coverages_person_idx" ON "coverages" ("person_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "attachments_person_idx" ON "attachments" ("person_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "applications_applicant_person_idx" ON "applications" ("applicant_person_id")
  WHERE "applicant_person_id" IS NOT NULL;
