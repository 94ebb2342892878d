-- Issue 9: revoking an API key, or closing (or moving the dates of) the medical organisation it belongs
-- to, must take effect at once in every server process. Each process keeps a short cache of verified
-- keys and LISTENs on this channel (lib/api-keys/key-invalidation.ts); these triggers NOTIFY whatever
-- path the change comes by (the revoke use case, the console, a directory load, plain SQL). NOTIFY is
-- delivered when the writing transaction commits, and not at all if it rolls back.
CREATE FUNCTION notify_api_key_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'api_keys' THEN
    PERFORM pg_notify('api_key_changed', 'key:' || OLD.prefix);
  ELSE
    PERFORM pg_notify('api_key_changed', 'mo:' || OLD.code);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER api_keys_notify_changed
  AFTER UPDATE OR DELETE ON api_keys
  FOR EACH ROW EXECUTE FUNCTION notify_api_key_changed();
--> statement-breakpoint
CREATE TRIGGER medical_organisations_notify_changed
  AFTER UPDATE OF active_from, active_to OR DELETE ON medical_organisations
  FOR EACH ROW EXECUTE FUNCTION notify_api_key_changed();
