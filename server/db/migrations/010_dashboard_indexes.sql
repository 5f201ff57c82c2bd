-- Indexes and a counter for the staff session list, so that no filter reads the whole sessions table.

-- The list's order and keyset cursor (started_at, id), for every page and filter; replaces the index on started_at alone.
CREATE INDEX sessions_list ON sessions(started_at, id);
DROP INDEX sessions_started;

-- One browser's sessions newest first (a customer's or a lead's page); replaces the index on visitor_id alone.
CREATE INDEX sessions_visitor_started ON sessions(visitor_id, started_at, id);
DROP INDEX sessions_visitor;

-- Contact requests made in the session, kept by the triggers below, and the list of sessions that have any.
ALTER TABLE sessions ADD COLUMN contact_requests INTEGER NOT NULL DEFAULT 0;
UPDATE sessions SET contact_requests = (SELECT count(*) FROM service_requests r WHERE r.session_id = sessions.id)
WHERE id IN (SELECT session_id FROM service_requests);
CREATE INDEX sessions_contact ON sessions(started_at, id) WHERE contact_requests > 0;

CREATE TRIGGER service_requests_counted AFTER INSERT ON service_requests BEGIN
  UPDATE sessions SET contact_requests = contact_requests + 1 WHERE id = NEW.session_id;
END;
CREATE TRIGGER service_requests_uncounted AFTER DELETE ON service_requests BEGIN
  UPDATE sessions SET contact_requests = contact_requests - 1 WHERE id = OLD.session_id;
END;
CREATE TRIGGER service_requests_moved AFTER UPDATE OF session_id ON service_requests WHEN OLD.session_id <> NEW.session_id BEGIN
  UPDATE sessions SET contact_requests = contact_requests - 1 WHERE id = OLD.session_id;
  UPDATE sessions SET contact_requests = contact_requests + 1 WHERE id = NEW.session_id;
END;

-- Session length on the browser's clock (server/db/sessions.ts: DURATION repeats this expression word for word).
CREATE INDEX sessions_duration ON sessions(COALESCE(last_ts - first_ts, 0));
