-- Register search (issue 11, ADR 0019): trigram similarity over a normalised full name, narrowed by the
-- birth date. pg_trgm ships with PostgreSQL's contrib (embedded-postgres and Debian's postgresql-15+).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- The search key of a name: Cyrillic letters mapped one-to-one onto ASCII letters and digits (ё as е),
-- everything else lower-cased, separators collapsed to one space. ASCII because pg_trgm only counts
-- letters its locale knows, and the register runs under the C locale, where Cyrillic letters are not
-- letters (nor does lower() fold them). The key is never shown; only its trigrams are compared.
CREATE FUNCTION "name_search_key"(full_name text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT btrim(regexp_replace(lower(translate(full_name,
    'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя',
    'abvgdeejziyklmnoprstufhcqwx012345abvgdeejziyklmnoprstufhcqwx012345')), '[^a-z0-9]+', ' ', 'g'))
$$;
--> statement-breakpoint
-- Every name a person has been known by, with their birth date: the current one and each earlier one
-- (a correction, a name.changed event), so a search by the old name still finds them. Kept by the
-- triggers below, whoever writes persons (use cases, feeds, the seeder's COPY).
CREATE TABLE "person_names" (
  "person_id" bigint NOT NULL,
  "birth_date" date NOT NULL,
  "full_name" text NOT NULL,
  "search_key" text NOT NULL,
  "is_current" boolean NOT NULL DEFAULT true,
  "recorded_from" timestamp with time zone NOT NULL DEFAULT clock_timestamp(),
  "recorded_to" timestamp with time zone,
  CONSTRAINT "person_names_pkey" PRIMARY KEY ("person_id", "recorded_from")
);
--> statement-breakpoint
ALTER TABLE "person_names" ADD CONSTRAINT "person_names_person_id_persons_id_fk"
  FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
-- The birth date narrows a search to a few dozen people even on a national register; the trigram
-- similarity is then computed on those rows only (cheaper than a GIN index and its upkeep).
CREATE INDEX "person_names_birth_date_idx" ON "person_names" ("birth_date");
--> statement-breakpoint
CREATE FUNCTION "person_full_name"(last_name text, first_name text, patronymic text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT concat_ws(' ', last_name, first_name, patronymic) $$;
--> statement-breakpoint
CREATE FUNCTION "person_names_on_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "person_names" ("person_id", "birth_date", "full_name", "search_key")
  SELECT n.id, n.birth_date, person_full_name(n.last_name, n.first_name, n.patronymic),
         name_search_key(person_full_name(n.last_name, n.first_name, n.patronymic))
    FROM new_persons n;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Statement-level with a transition table: the seeder's COPY of a million persons adds their names in
-- one insert per statement, not a million trigger calls.
CREATE TRIGGER "persons_names_insert" AFTER INSERT ON "persons"
  REFERENCING NEW TABLE AS new_persons FOR EACH STATEMENT EXECUTE FUNCTION "person_names_on_insert"();
--> statement-breakpoint
CREATE FUNCTION "person_names_on_update"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  now_ts timestamptz := clock_timestamp();
BEGIN
  IF NEW.birth_date IS DISTINCT FROM OLD.birth_date THEN
    -- Earlier names stay findable with the birth date the register now holds.
    UPDATE "person_names" SET "birth_date" = NEW.birth_date WHERE "person_id" = NEW.id;
  END IF;
  IF person_full_name(NEW.last_name, NEW.first_name, NEW.patronymic)
     IS DISTINCT FROM person_full_name(OLD.last_name, OLD.first_name, OLD.patronymic) THEN
    UPDATE "person_names" SET "is_current" = false, "recorded_to" = now_ts
     WHERE "person_id" = NEW.id AND "is_current";
    INSERT INTO "person_names" ("person_id", "birth_date", "full_name", "search_key", "recorded_from")
    VALUES (NEW.id, NEW.birth_date, person_full_name(NEW.last_name, NEW.first_name, NEW.patronymic),
            name_search_key(person_full_name(NEW.last_name, NEW.first_name, NEW.patronymic)), now_ts);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "persons_names_update" AFTER UPDATE OF "last_name", "first_name", "patronymic", "birth_date"
  ON "persons" FOR EACH ROW EXECUTE FUNCTION "person_names_on_update"();
--> statement-breakpoint
INSERT INTO "person_names" ("person_id", "birth_date", "full_name", "search_key")
SELECT id, birth_date, person_full_name(last_name, first_name, patronymic),
       name_search_key(person_full_name(last_name, first_name, patronymic))
  FROM "persons";
