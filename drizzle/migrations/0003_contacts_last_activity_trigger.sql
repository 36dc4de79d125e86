-- Keeps contacts.last_activity_at (the Contacts page's "last activity" sort) in step with messages, to the
-- minute: one statement-level trigger, so the pipeline's batched inserts cost one extra update per batch and
-- a busy conversation rewrites its contact at most once a minute.
CREATE OR REPLACE FUNCTION kaiwa_touch_contact_activity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE contacts c SET last_activity_at = x.at
  FROM (SELECT contact_id, max(created_at) AS at FROM inserted_messages GROUP BY contact_id) x
  WHERE c.id = x.contact_id AND c.last_activity_at < x.at - interval '1 minute';
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER messages_touch_contact_activity AFTER INSERT ON messages
  REFERENCING NEW TABLE AS inserted_messages
  FOR EACH STATEMENT EXECUTE FUNCTION kaiwa_touch_contact_activity();--> statement-breakpoint
UPDATE contacts c SET last_activity_at = greatest(c.created_at, coalesce((SELECT max(m.created_at) FROM messages m WHERE m.contact_id = c.id), c.created_at));
