-- Issue 15.3 (ADR 0027): the two tables that grow without bound — access_log and register_events — become
-- partitioned by month of their time column (access_log.at, register_events.recorded_at: every time filter
-- and every order of their queries is on these). Months are Moscow months (the register's zone). Each table
-- gets a DEFAULT partition for rows outside the months created; the `partitions.upkeep` job creates months
-- ahead and applies the access log's retention. The existing rows are copied into the new tables here, so a
-- populated register keeps its history; names of the tables, keys, indexes, foreign keys, triggers and
-- identity sequences stay what they were.
--
-- A key of a partitioned table must contain the partition key: the primary keys become (id, at) and
-- (id, recorded_at). Nothing references either table by a foreign key, no ON CONFLICT relies on their keys,
-- and ids still come from one identity sequence per table, so an id still names one row.

-- The month partition of `parent` holding `month` (any day of it), created when missing, with its own
-- TRUNCATE guard (statement triggers are not inherited by partitions; the row triggers refusing UPDATE and
-- DELETE are, and reach every partition however it is created). Rows of that month already caught by the
-- DEFAULT partition are moved into it: the default is detached, a new one attached, its rows inserted again
-- through the parent (each lands in its month or the new default), and the old one dropped — no row is
-- updated or deleted on the way. Returns whether the partition was created.
CREATE FUNCTION "create_month_partition"("parent" regclass, "in_month" date) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  base text := (SELECT relname FROM pg_class WHERE oid = parent);
  month_start date := date_trunc('month', in_month)::date;
  part text := format('%s_p%s', base, to_char(month_start, 'YYYYMM'));
  lo timestamptz := month_start::timestamp AT TIME ZONE 'Europe/Moscow';
  hi timestamptz := (month_start + interval '1 month')::timestamp AT TIME ZONE 'Europe/Moscow';
  part_key text := (SELECT a.attname FROM pg_partitioned_table p
                 JOIN pg_attribute a ON a.attrelid = p.partrelid AND a.attnum = p.partattrs[0]
                WHERE p.partrelid = parent);
  fallback text := base || '_default';
  caught boolean;
BEGIN
  IF part_key IS NULL THEN
    RAISE EXCEPTION '% is not a partitioned table', parent;
  END IF;
  IF to_regclass(format('public.%I', part)) IS NOT NULL THEN
    RETURN false;
  END IF;
  EXECUTE format('SELECT exists (SELECT 1 FROM public.%I WHERE %I >= $1 AND %I < $2)', fallback, part_key, part_key)
    INTO caught USING lo, hi;
  IF caught THEN
    EXECUTE format('ALTER TABLE public.%I DETACH PARTITION public.%I', base, fallback);
    EXECUTE format('ALTER TABLE public.%I RENAME TO %I', fallback, fallback || '_moved');
    EXECUTE format('CREATE TABLE public.%I PARTITION OF public.%I DEFAULT', fallback, base);
    EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON public.%I
                      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_history()', fallback || '_no_truncate', fallback);
  END IF;
  EXECUTE format('CREATE TABLE public.%I PARTITION OF public.%I FOR VALUES FROM (%L) TO (%L)', part, base, lo, hi);
  EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON public.%I
                    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_history()', part || '_no_truncate', part);
  IF caught THEN
    EXECUTE format('INSERT INTO public.%I SELECT * FROM public.%I', base, fallback || '_moved');
    EXECUTE format('DROP TABLE public.%I', fallback || '_moved');
  END IF;
  RETURN true;
END;
$$;
--> statement-breakpoint
-- The access log's retention (ADR 0027): detaches and drops every month partition of access_log that ends
-- on or before `cutoff` (Moscow midnight), returning the months dropped. Written for access_log alone, so
-- the register's history (register_events) can never be dropped through it.
CREATE FUNCTION "drop_access_log_months_before"("cutoff" date) RETURNS SETOF date
LANGUAGE plpgsql AS $$
DECLARE
  part record;
BEGIN
  FOR part IN
    SELECT c.relname, to_date(substr(c.relname, length('access_log_p') + 1), 'YYYYMM') AS month
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'public.access_log'::regclass AND c.relname ~ '^access_log_p[0-9]{6}$'
     ORDER BY 2
  LOOP
    CONTINUE WHEN (part.month + interval '1 month')::date > cutoff;
    EXECUTE format('ALTER TABLE public.access_log DETACH PARTITION public.%I', part.relname);
    EXECUTE format('DROP TABLE public.%I', part.relname);
    RETURN NEXT part.month;
  END LOOP;
END;
$$;
--> statement-breakpoint
-- Rebuilds one table as partitioned by month of `key`, under the same name, with the same columns, defaults,
-- identity (its sequence keeps its name and position) and append-only triggers: the old table is renamed,
-- the new one created LIKE it with its default partition and a month for every month holding rows plus the
-- current one and three ahead, the rows copied, the old table dropped. The caller drops the old keys and
-- indexes first (freeing their names) and adds them to the new table after the copy. Used by this migration
-- only, then dropped.
CREATE FUNCTION "partition_by_month_0018"("tbl" text, "key" text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  old text := tbl || '_unpartitioned';
BEGIN
  EXECUTE format('ALTER TABLE public.%I RENAME TO %I', tbl, old);
  EXECUTE format('ALTER SEQUENCE public.%I RENAME TO %I', tbl || '_id_seq', old || '_id_seq');
  EXECUTE format('CREATE TABLE public.%I (LIKE public.%I INCLUDING DEFAULTS INCLUDING IDENTITY)
                    PARTITION BY RANGE (%I)', tbl, old, key);
  EXECUTE format('CREATE TABLE public.%I PARTITION OF public.%I DEFAULT', tbl || '_default', tbl);
  EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON public.%I
                    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_history()', tbl || '_default_no_truncate', tbl || '_default');
  EXECUTE format($q$
    SELECT create_month_partition(%L, m)
      FROM (SELECT DISTINCT date_trunc('month', %I AT TIME ZONE 'Europe/Moscow')::date AS m FROM public.%I
            UNION
            SELECT (date_trunc('month', now() AT TIME ZONE 'Europe/Moscow') + k * interval '1 month')::date
              FROM generate_series(0, 3) k) months
     ORDER BY m$q$, tbl, key, old);
  EXECUTE format('INSERT INTO public.%I SELECT * FROM public.%I', tbl, old);
  EXECUTE format('SELECT setval(%L, last_value, is_called) FROM public.%I', 'public.' || tbl || '_id_seq', old || '_id_seq');
  EXECUTE format('DROP TABLE public.%I', old);
  -- The row trigger is cloned onto every partition, present and future; TRUNCATE of the whole table is
  -- refused here, of one partition by that partition's own trigger (create_month_partition).
  EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON public.%I
                    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_history()', tbl || '_append_only', tbl);
  EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON public.%I
                    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_of_history()', tbl || '_no_truncate', tbl);
END;
$$;
--> statement-breakpoint
ALTER TABLE "access_log" DROP CONSTRAINT "access_log_pkey";
--> statement-breakpoint
DROP INDEX "access_log_person_idx", "access_log_at_idx", "access_log_actor_idx", "access_log_organisation_idx",
  "access_log_purpose_idx";
--> statement-breakpoint
ALTER TABLE "register_events" DROP CONSTRAINT "register_events_pkey";
--> statement-breakpoint
DROP INDEX "register_events_person_idx";
--> statement-breakpoint
SELECT partition_by_month_0018('access_log', 'at');
--> statement-breakpoint
SELECT partition_by_month_0018('register_events', 'recorded_at');
--> statement-breakpoint
DROP FUNCTION partition_by_month_0018(text, text);
--> statement-breakpoint
ALTER TABLE "access_log" ADD CONSTRAINT "access_log_pkey" PRIMARY KEY ("id", "at");
--> statement-breakpoint
ALTER TABLE "access_log" ADD CONSTRAINT "access_log_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "access_log_person_idx" ON "access_log" USING btree ("person_id","at");
--> statement-breakpoint
CREATE INDEX "access_log_at_idx" ON "access_log" USING btree ("at");
--> statement-breakpoint
CREATE INDEX "access_log_actor_idx" ON "access_log" USING btree ("actor_id","at");
--> statement-breakpoint
CREATE INDEX "access_log_organisation_idx" ON "access_log" USING btree ("organisation_code","at");
--> statement-breakpoint
CREATE INDEX "access_log_purpose_idx" ON "access_log" USING btree ("purpose","at");
--> statement-breakpoint
ALTER TABLE "register_events" ADD CONSTRAINT "register_events_pkey" PRIMARY KEY ("id", "recorded_at");
--> statement-breakpoint
ALTER TABLE "register_events" ADD CONSTRAINT "register_events_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "register_events_person_idx" ON "register_events" USING btree ("person_id","recorded_at");
--> statement-breakpoint
-- PostgreSQL 18 records NOT NULL as named constraints; the new tables' were created while the old tables
-- still held the plain names, so they got a `1` suffix. Give them the names a fresh table has (on 15 there
-- are none to rename).
DO $$
DECLARE
  c record;
BEGIN
  FOR c IN
    SELECT conrelid::regclass AS t, conname FROM pg_constraint
     WHERE conrelid IN ('access_log'::regclass, 'register_events'::regclass) AND conname ~ '_not_null1$'
  LOOP
    EXECUTE format('ALTER TABLE %s RENAME CONSTRAINT %I TO %I', c.t, c.conname, left(c.conname, -1));
  END LOOP;
END;
$$;
