-- Analytics rollups over days (UTC calendar days, as days since 1970-01-01), kept by ingest in the batch's transaction.
-- Existing events are rolled up once, in this migration's transaction, by the frozen `backfillAnalytics007` (007_analytics.ts beside this file).

-- Per session: its day (of sessions.started_at), most immersive mode used, the mode it is in now, and the
-- funnel steps it did as bits (server/contracts/analytics.ts: funnelSteps). Erased with its session.
CREATE TABLE analytics_sessions (
  session_id  TEXT    PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
  day         INTEGER NOT NULL,
  mode        TEXT    NOT NULL,
  cur_mode    TEXT    NOT NULL,
  steps       INTEGER NOT NULL DEFAULT 1
) WITHOUT ROWID;

-- Per day, mode and set of funnel steps: how many sessions. Kept by the triggers below, so a session's
-- steps moving on (or the session being erased) moves its count.
CREATE TABLE analytics_funnel_days (
  day       INTEGER NOT NULL,
  mode      TEXT    NOT NULL,
  steps     INTEGER NOT NULL,
  sessions  INTEGER NOT NULL,
  PRIMARY KEY (day, mode, steps)
) WITHOUT ROWID;

CREATE TRIGGER analytics_sessions_added AFTER INSERT ON analytics_sessions BEGIN
  INSERT INTO analytics_funnel_days (day, mode, steps, sessions) VALUES (NEW.day, NEW.mode, NEW.steps, 1)
  ON CONFLICT (day, mode, steps) DO UPDATE SET sessions = sessions + 1;
END;
CREATE TRIGGER analytics_sessions_changed AFTER UPDATE OF day, mode, steps ON analytics_sessions
WHEN OLD.day <> NEW.day OR OLD.mode <> NEW.mode OR OLD.steps <> NEW.steps BEGIN
  UPDATE analytics_funnel_days SET sessions = sessions - 1 WHERE day = OLD.day AND mode = OLD.mode AND steps = OLD.steps;
  INSERT INTO analytics_funnel_days (day, mode, steps, sessions) VALUES (NEW.day, NEW.mode, NEW.steps, 1)
  ON CONFLICT (day, mode, steps) DO UPDATE SET sessions = sessions + 1;
END;
CREATE TRIGGER analytics_sessions_removed AFTER DELETE ON analytics_sessions BEGIN
  UPDATE analytics_funnel_days SET sessions = sessions - 1 WHERE day = OLD.day AND mode = OLD.mode AND steps = OLD.steps;
END;

-- Per session and product it looked at (a dwell or a select): the day and mode of the first look, and whether
-- the session asked for a salesperson. Erased with its session; the aggregates below stay (no personal data).
CREATE TABLE analytics_looks (
  session_id  TEXT    NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  product_id  TEXT    NOT NULL,
  day         INTEGER NOT NULL,
  mode        TEXT    NOT NULL,
  converted   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (session_id, product_id)
) WITHOUT ROWID;

-- Per day, product and mode (of the event's time): sessions that first looked at it, how many of those asked
-- for a salesperson, selects, dwells with their sum and sum of squares (for variance) and log-scale histogram
-- (server/analytics/stats.ts, for the median), cart adds.
CREATE TABLE analytics_product_days (
  day         INTEGER NOT NULL,
  product_id  TEXT    NOT NULL,
  mode        TEXT    NOT NULL,
  viewers     INTEGER NOT NULL DEFAULT 0,
  converted   INTEGER NOT NULL DEFAULT 0,
  selects     INTEGER NOT NULL DEFAULT 0,
  dwells      INTEGER NOT NULL DEFAULT 0,
  dwell_ms    INTEGER NOT NULL DEFAULT 0,
  dwell_sq    REAL    NOT NULL DEFAULT 0,   -- sum of squared dwell durations, ms²
  dwell_hist  BLOB,
  cart_adds   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, product_id, mode)
) WITHOUT ROWID;

-- Per day and mode: where customers stood, as head pose samples per 0.5 m floor cell (a sparse cell list,
-- server/analytics/cells.ts). One row per day and mode keeps a year's heatmap a few hundred rows.
CREATE TABLE analytics_floor_days (
  day    INTEGER NOT NULL,
  mode   TEXT    NOT NULL,
  cells  BLOB    NOT NULL,
  PRIMARY KEY (day, mode)
) WITHOUT ROWID;

-- Co-occurrence: sessions that looked at both products, stored in both directions; (a, a) is the number of
-- sessions that looked at a. For "customers who looked at this also looked at".
CREATE TABLE analytics_pairs (
  product_a  TEXT    NOT NULL,
  product_b  TEXT    NOT NULL,
  sessions   INTEGER NOT NULL,
  PRIMARY KEY (product_a, product_b)
) WITHOUT ROWID;

-- The same per-product and floor figures per calendar month (months since 1970-01), kept beside the days, so that a
-- year reads 12 monthly rows per product instead of 365 daily ones.
CREATE TABLE analytics_product_months (
  month       INTEGER NOT NULL,
  product_id  TEXT    NOT NULL,
  mode        TEXT    NOT NULL,
  viewers     INTEGER NOT NULL DEFAULT 0,
  converted   INTEGER NOT NULL DEFAULT 0,
  selects     INTEGER NOT NULL DEFAULT 0,
  dwells      INTEGER NOT NULL DEFAULT 0,
  dwell_ms    INTEGER NOT NULL DEFAULT 0,
  dwell_sq    REAL    NOT NULL DEFAULT 0,
  dwell_hist  BLOB,
  cart_adds   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (month, product_id, mode)
) WITHOUT ROWID;

CREATE TABLE analytics_floor_months (
  month  INTEGER NOT NULL,
  mode   TEXT    NOT NULL,
  cells  BLOB    NOT NULL,
  PRIMARY KEY (month, mode)
) WITHOUT ROWID;
