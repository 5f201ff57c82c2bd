-- Telemetry storage: events erased with their session, pose chunks, per-session and per-product rollups.

-- Events: rebuilt so that deleting a session deletes its events, with durations as a real column.
CREATE TABLE events_v3 (
  rowid       INTEGER PRIMARY KEY,
  id          TEXT    NOT NULL UNIQUE,   -- client-made UUIDv7
  session_id  TEXT    NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,          -- per-session sequence number from the browser
  type        TEXT    NOT NULL,
  client_ts   INTEGER NOT NULL,          -- ms since epoch, the browser's clock
  server_ts   INTEGER NOT NULL,          -- ms since epoch, when the batch was written
  input       TEXT    NOT NULL,
  product_id  TEXT,
  variant_id  TEXT,
  duration_ms INTEGER,                   -- props.durationMs of dwell_end, inspect_end, grab_end, ...
  props       TEXT    NOT NULL DEFAULT '{}'
);
INSERT INTO events_v3 (rowid, id, session_id, seq, type, client_ts, server_ts, input, product_id, variant_id, duration_ms, props)
  SELECT rowid, id, session_id, seq, type, client_ts, server_ts, input, product_id, variant_id,
         CAST(json_extract(props, '$.durationMs') AS INTEGER), props
  FROM events;
DROP TABLE events;
ALTER TABLE events_v3 RENAME TO events;
CREATE INDEX events_session_seq ON events(session_id, seq);

-- Head and hand poses, one row per chunk of up to 64 samples (about 2 s), never one row per sample.
CREATE TABLE pose_chunks (
  rowid       INTEGER PRIMARY KEY,
  id          TEXT    NOT NULL UNIQUE,   -- the pose event's UUIDv7
  session_id  TEXT    NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  seq         INTEGER NOT NULL,          -- shares the session's sequence with its events
  start_ts    INTEGER NOT NULL,          -- browser ms of the first sample
  duration_ms INTEGER NOT NULL,          -- first to last sample
  server_ts   INTEGER NOT NULL,
  mode        TEXT    NOT NULL,          -- desktop, vr or ar
  samples     INTEGER NOT NULL,
  format      INTEGER NOT NULL,          -- binary layout version (server/contracts/pose.ts)
  data        BLOB    NOT NULL
);
CREATE INDEX pose_chunks_session ON pose_chunks(session_id, start_ts);

-- Per session: totals kept up to date by ingest, in the batch's transaction.
ALTER TABLE sessions ADD COLUMN dwell_count     INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN dwell_ms        INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN product_count   INTEGER NOT NULL DEFAULT 0;  -- distinct products touched
ALTER TABLE sessions ADD COLUMN pose_samples    INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN dropped_samples INTEGER NOT NULL DEFAULT 0;  -- pose samples the browser dropped when its queue was full
ALTER TABLE sessions ADD COLUMN error_count     INTEGER NOT NULL DEFAULT 0;

-- Per session and product: what this customer did with this product.
CREATE TABLE session_products (
  session_id     TEXT    NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  product_id     TEXT    NOT NULL,
  event_count    INTEGER NOT NULL DEFAULT 0,
  select_count   INTEGER NOT NULL DEFAULT 0,
  dwell_count    INTEGER NOT NULL DEFAULT 0,
  dwell_ms       INTEGER NOT NULL DEFAULT 0,
  cart_adds      INTEGER NOT NULL DEFAULT 0,
  wishlist_adds  INTEGER NOT NULL DEFAULT 0,
  first_ts       INTEGER NOT NULL,          -- browser ms of the first event about it
  last_ts        INTEGER NOT NULL,          -- ... and of the last (last seen)
  PRIMARY KEY (session_id, product_id)
) WITHOUT ROWID;
CREATE INDEX session_products_product ON session_products(product_id);

-- Per product over all sessions, maintained from session_products by the triggers below, so an
-- erased session (deleted with its rows by cascade) is subtracted again.
CREATE TABLE product_stats (
  product_id     TEXT    PRIMARY KEY,
  session_count  INTEGER NOT NULL DEFAULT 0,
  event_count    INTEGER NOT NULL DEFAULT 0,
  select_count   INTEGER NOT NULL DEFAULT 0,
  dwell_count    INTEGER NOT NULL DEFAULT 0,
  dwell_ms       INTEGER NOT NULL DEFAULT 0,
  cart_adds      INTEGER NOT NULL DEFAULT 0,
  wishlist_adds  INTEGER NOT NULL DEFAULT 0,
  last_ts        INTEGER                    -- browser ms of the latest event about it (last seen)
) WITHOUT ROWID;

CREATE TRIGGER session_products_added AFTER INSERT ON session_products BEGIN
  INSERT INTO product_stats (product_id, session_count, event_count, select_count, dwell_count, dwell_ms, cart_adds, wishlist_adds, last_ts)
  VALUES (NEW.product_id, 1, NEW.event_count, NEW.select_count, NEW.dwell_count, NEW.dwell_ms, NEW.cart_adds, NEW.wishlist_adds, NEW.last_ts)
  ON CONFLICT (product_id) DO UPDATE SET
    session_count = session_count + 1,
    event_count = event_count + excluded.event_count,
    select_count = select_count + excluded.select_count,
    dwell_count = dwell_count + excluded.dwell_count,
    dwell_ms = dwell_ms + excluded.dwell_ms,
    cart_adds = cart_adds + excluded.cart_adds,
    wishlist_adds = wishlist_adds + excluded.wishlist_adds,
    last_ts = MAX(COALESCE(last_ts, excluded.last_ts), excluded.last_ts);
  UPDATE sessions SET product_count = product_count + 1 WHERE id = NEW.session_id;
END;

CREATE TRIGGER session_products_changed AFTER UPDATE ON session_products BEGIN
  UPDATE product_stats SET
    event_count = event_count + NEW.event_count - OLD.event_count,
    select_count = select_count + NEW.select_count - OLD.select_count,
    dwell_count = dwell_count + NEW.dwell_count - OLD.dwell_count,
    dwell_ms = dwell_ms + NEW.dwell_ms - OLD.dwell_ms,
    cart_adds = cart_adds + NEW.cart_adds - OLD.cart_adds,
    wishlist_adds = wishlist_adds + NEW.wishlist_adds - OLD.wishlist_adds,
    last_ts = MAX(COALESCE(last_ts, NEW.last_ts), NEW.last_ts)
  WHERE product_id = NEW.product_id;
END;

CREATE TRIGGER session_products_removed AFTER DELETE ON session_products BEGIN
  UPDATE product_stats SET
    session_count = session_count - 1,
    event_count = event_count - OLD.event_count,
    select_count = select_count - OLD.select_count,
    dwell_count = dwell_count - OLD.dwell_count,
    dwell_ms = dwell_ms - OLD.dwell_ms,
    cart_adds = cart_adds - OLD.cart_adds,
    wishlist_adds = wishlist_adds - OLD.wishlist_adds,
    last_ts = (SELECT MAX(last_ts) FROM session_products WHERE product_id = OLD.product_id)
  WHERE product_id = OLD.product_id;
END;

-- Rollups for events stored before this migration.
INSERT INTO session_products (session_id, product_id, event_count, select_count, dwell_count, dwell_ms, cart_adds, wishlist_adds, first_ts, last_ts)
  SELECT session_id, product_id, COUNT(*),
         SUM(type = 'product_select'), SUM(type = 'dwell_end'), COALESCE(SUM(CASE WHEN type = 'dwell_end' THEN duration_ms END), 0),
         SUM(type = 'cart_add'), SUM(type = 'wishlist_add'), MIN(client_ts), MAX(client_ts)
  FROM events WHERE product_id IS NOT NULL GROUP BY session_id, product_id;
