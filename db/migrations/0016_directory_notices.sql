-- Issue 13: the insured told that their insurer leaves their region, once per person and ending
-- (lib/directories/insurer-leaving.ts). The key makes a repeated notice job a no-op for those told.
CREATE TABLE "insurer_leaving_notices" (
  "insurer_code" char(5) NOT NULL,
  "subject_code" char(2) NOT NULL,
  "last_day" date NOT NULL,
  "person_id" bigint NOT NULL REFERENCES "persons" ("id"),
  "notified_at" timestamp with time zone DEFAULT now() NOT NULL,
  CONSTRAINT "insurer_leaving_notices_pkey" PRIMARY KEY ("insurer_code", "subject_code", "last_day", "person_id")
);
