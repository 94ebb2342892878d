-- A person's standing memberships of one category never overlap (both ends inclusive: a list's `to` is the
-- last day in the category). The category use case refuses an overlap first (KZ_CATEGORY_OVERLAP); this keeps
-- the invariant true even if application code is wrong. Retracted rows (history in record time) are exempt.
-- btree_gist is created by 0001_constraints.sql.
ALTER TABLE "kz_category_memberships" ADD CONSTRAINT "kz_category_memberships_no_overlap"
  EXCLUDE USING gist ("person_id" WITH =, "category" WITH =, daterange("from_date", "to_date", '[]') WITH &&)
  WHERE ("retracted_at" IS NULL);
