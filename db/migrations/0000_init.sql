CREATE TYPE "public"."access_channel" AS ENUM('portal', 'console', 'clinic_ui', 'rest', 'fhir', 'feed');--> statement-breakpoint
CREATE TYPE "public"."actor_kind" AS ENUM('citizen', 'staff', 'clinic', 'api_key', 'feed', 'system');--> statement-breakpoint
CREATE TYPE "public"."application_kind" AS ENUM('electronic_policy', 'child_registration', 'insurer_change', 'region_change', 'suspension', 'renewal', 'attachment');--> statement-breakpoint
CREATE TYPE "public"."application_status" AS ENUM('draft', 'submitted', 'in_progress', 'done', 'refused', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."calendar_day_kind" AS ENUM('holiday', 'transfer', 'weekend-workday');--> statement-breakpoint
CREATE TYPE "public"."coverage_form" AS ENUM('electronic', 'paper_extract', 'legacy_card');--> statement-breakpoint
CREATE TYPE "public"."coverage_status" AS ENUM('active', 'suspended', 'terminated');--> statement-breakpoint
CREATE TYPE "public"."event_entity" AS ENUM('person', 'document', 'coverage', 'attachment', 'representation');--> statement-breakpoint
CREATE TYPE "public"."sex" AS ENUM('M', 'F');--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" "calendar_day_kind" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insurer_regions" (
	"insurer_code" char(5) NOT NULL,
	"subject_code" char(2) NOT NULL,
	"served_from" date NOT NULL,
	"served_to" date,
	CONSTRAINT "insurer_regions_insurer_code_subject_code_pk" PRIMARY KEY("insurer_code","subject_code")
);
--> statement-breakpoint
CREATE TABLE "insurers" (
	"code" char(5) PRIMARY KEY NOT NULL,
	"subject_code" char(2) NOT NULL,
	"name_full" text NOT NULL,
	"name_short" text NOT NULL,
	"ogrn" varchar(13) NOT NULL,
	"inn" varchar(10) NOT NULL,
	"address" text NOT NULL,
	"phone" varchar(32) NOT NULL,
	"hot_line" varchar(32),
	"email" varchar(128),
	"website" varchar(128),
	"active_from" date NOT NULL,
	"active_to" date
);
--> statement-breakpoint
CREATE TABLE "medical_organisations" (
	"code" char(6) PRIMARY KEY NOT NULL,
	"subject_code" char(2) NOT NULL,
	"name_full" text NOT NULL,
	"name_short" text NOT NULL,
	"ogrn" varchar(13) NOT NULL,
	"address" text NOT NULL,
	"phone" varchar(32),
	"primary_care" boolean DEFAULT true NOT NULL,
	"active_from" date NOT NULL,
	"active_to" date
);
--> statement-breakpoint
CREATE TABLE "subjects" (
	"code" char(2) PRIMARY KEY NOT NULL,
	"okato" varchar(5) NOT NULL,
	"name_ru" text NOT NULL,
	"name_en" text NOT NULL,
	"federal_district" text,
	"code_status" varchar(16) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity_documents" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "identity_documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" bigint NOT NULL,
	"kind" smallint NOT NULL,
	"series" varchar(16),
	"number" varchar(32) NOT NULL,
	"issue_date" date,
	"issuer" text,
	"valid_to" date,
	"is_current" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identity_documents_kind_series_number_key" UNIQUE NULLS NOT DISTINCT("kind","series","number"),
	CONSTRAINT "identity_documents_kind" CHECK ("identity_documents"."kind" in (3, 9, 10, 11, 12, 13, 14, 21, 22, 23, 24, 25, 26))
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "persons_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"enp" char(16) NOT NULL,
	"last_name" text NOT NULL,
	"first_name" text NOT NULL,
	"patronymic" text,
	"sex" "sex" NOT NULL,
	"birth_date" date NOT NULL,
	"birth_place" text,
	"citizenship" char(3) DEFAULT 'RUS' NOT NULL,
	"snils" char(11),
	"category" smallint NOT NULL,
	"death_date" date,
	"merged_into_id" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "persons_enp_key" UNIQUE("enp"),
	CONSTRAINT "persons_snils_key" UNIQUE("snils"),
	CONSTRAINT "persons_enp_format" CHECK ("persons"."enp" ~ '^[0-9]{16}$'),
	CONSTRAINT "persons_snils_format" CHECK ("persons"."snils" ~ '^[0-9]{11}$'),
	CONSTRAINT "persons_category" CHECK ("persons"."category" in (1, 2)),
	CONSTRAINT "persons_death_after_birth" CHECK ("persons"."death_date" is null or "persons"."death_date" >= "persons"."birth_date")
);
--> statement-breakpoint
CREATE TABLE "representations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "representations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"representative_id" bigint NOT NULL,
	"child_id" bigint NOT NULL,
	"kind" varchar(16) NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "representations_pair_key" UNIQUE("representative_id","child_id"),
	CONSTRAINT "representations_not_self" CHECK ("representations"."representative_id" <> "representations"."child_id"),
	CONSTRAINT "representations_kind" CHECK ("representations"."kind" in ('parent', 'guardian'))
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" bigint NOT NULL,
	"mo_code" char(6) NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"reason" text,
	CONSTRAINT "attachments_valid_range" CHECK ("attachments"."valid_to" is null or "attachments"."valid_to" > "attachments"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "coverages" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "coverages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" bigint NOT NULL,
	"insurer_code" char(5) NOT NULL,
	"subject_code" char(2) NOT NULL,
	"status" "coverage_status" NOT NULL,
	"reason" varchar(32) NOT NULL,
	"form" "coverage_form" DEFAULT 'electronic' NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"recorded_from" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_to" timestamp with time zone,
	CONSTRAINT "coverages_valid_range" CHECK ("coverages"."valid_to" is null or "coverages"."valid_to" > "coverages"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "application_status_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "application_status_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"application_id" bigint NOT NULL,
	"status" "application_status" NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_kind" "actor_kind" NOT NULL,
	"actor_id" varchar(128) NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "applications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"number" varchar(20) NOT NULL,
	"kind" "application_kind" NOT NULL,
	"applicant_sub" varchar(128) NOT NULL,
	"applicant_person_id" bigint,
	"subject_person_id" bigint,
	"payload" jsonb NOT NULL,
	"status" "application_status" NOT NULL,
	"idempotency_key" varchar(128),
	"subject_code" char(2),
	"insurer_code" char(5),
	"submitted_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" varchar(128),
	"reason_code" varchar(64),
	"reason_text" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_number_key" UNIQUE("number"),
	CONSTRAINT "applications_idempotency_key" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "register_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "register_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" bigint NOT NULL,
	"entity" "event_entity" NOT NULL,
	"entity_id" bigint,
	"action" varchar(48) NOT NULL,
	"effective_date" date NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_kind" "actor_kind" NOT NULL,
	"actor_id" varchar(128) NOT NULL,
	"source" varchar(32) NOT NULL,
	"reason" text,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "access_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "access_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_kind" "actor_kind" NOT NULL,
	"actor_id" varchar(128) NOT NULL,
	"organisation_code" varchar(16),
	"person_id" bigint,
	"channel" "access_channel" NOT NULL,
	"purpose" varchar(64) NOT NULL,
	"result" varchar(32) NOT NULL,
	"details" text
);
--> statement-breakpoint
ALTER TABLE "insurer_regions" ADD CONSTRAINT "insurer_regions_insurer_code_insurers_code_fk" FOREIGN KEY ("insurer_code") REFERENCES "public"."insurers"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurer_regions" ADD CONSTRAINT "insurer_regions_subject_code_subjects_code_fk" FOREIGN KEY ("subject_code") REFERENCES "public"."subjects"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurers" ADD CONSTRAINT "insurers_subject_code_subjects_code_fk" FOREIGN KEY ("subject_code") REFERENCES "public"."subjects"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medical_organisations" ADD CONSTRAINT "medical_organisations_subject_code_subjects_code_fk" FOREIGN KEY ("subject_code") REFERENCES "public"."subjects"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_documents" ADD CONSTRAINT "identity_documents_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representations" ADD CONSTRAINT "representations_representative_id_persons_id_fk" FOREIGN KEY ("representative_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representations" ADD CONSTRAINT "representations_child_id_persons_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_mo_code_medical_organisations_code_fk" FOREIGN KEY ("mo_code") REFERENCES "public"."medical_organisations"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverages" ADD CONSTRAINT "coverages_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverages" ADD CONSTRAINT "coverages_insurer_code_insurers_code_fk" FOREIGN KEY ("insurer_code") REFERENCES "public"."insurers"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverages" ADD CONSTRAINT "coverages_subject_code_subjects_code_fk" FOREIGN KEY ("subject_code") REFERENCES "public"."subjects"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_status_history" ADD CONSTRAINT "application_status_history_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_applicant_person_id_persons_id_fk" FOREIGN KEY ("applicant_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_subject_person_id_persons_id_fk" FOREIGN KEY ("subject_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_events" ADD CONSTRAINT "register_events_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_log" ADD CONSTRAINT "access_log_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "insurer_regions_subject_idx" ON "insurer_regions" USING btree ("subject_code");--> statement-breakpoint
CREATE INDEX "insurers_subject_idx" ON "insurers" USING btree ("subject_code");--> statement-breakpoint
CREATE INDEX "medical_organisations_subject_idx" ON "medical_organisations" USING btree ("subject_code");--> statement-breakpoint
CREATE UNIQUE INDEX "identity_documents_one_current_per_kind" ON "identity_documents" USING btree ("person_id","kind") WHERE "identity_documents"."is_current";--> statement-breakpoint
CREATE INDEX "representations_child_idx" ON "representations" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "coverages_insurer_idx" ON "coverages" USING btree ("insurer_code") WHERE "coverages"."recorded_to" is null and "coverages"."valid_to" is null;--> statement-breakpoint
CREATE INDEX "application_status_history_app_idx" ON "application_status_history" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "applications_applicant_idx" ON "applications" USING btree ("applicant_sub");--> statement-breakpoint
CREATE INDEX "applications_subject_person_idx" ON "applications" USING btree ("subject_person_id");--> statement-breakpoint
CREATE INDEX "applications_queue_idx" ON "applications" USING btree ("due_at") WHERE "applications"."status" in ('submitted', 'in_progress');--> statement-breakpoint
CREATE INDEX "register_events_person_idx" ON "register_events" USING btree ("person_id","recorded_at");--> statement-breakpoint
CREATE INDEX "access_log_person_idx" ON "access_log" USING btree ("person_id","at");--> statement-breakpoint
CREATE INDEX "access_log_at_idx" ON "access_log" USING btree ("at");