-- Initial schema: catalogue, visitors and sessions, events, staff accounts and their logins.
CREATE TABLE schema_migrations (
  version    INTEGER PRIMARY KEY,
  name       TEXT    NOT NULL,
  applied_at INTEGER NOT NULL
);

CREATE TABLE products (
  id          TEXT    PRIMARY KEY,
  sku         TEXT    NOT NULL UNIQUE,
  name        TEXT    NOT NULL,
  category    TEXT    NOT NULL,
  price_cents INTEGER NOT NULL,
  currency    TEXT    NOT NULL,
  description TEXT    NOT NULL,
  data        TEXT    NOT NULL,            -- the full catalogue entry as JSON
  position    INTEGER NOT NULL,            -- order in the catalogue file
  active      INTEGER NOT NULL DEFAULT 1,  -- 0 once removed from the catalogue (events keep referring to it)
  updated_at  INTEGER NOT NULL
);

CREATE TABLE visitors (
  id         TEXT    PRIMARY KEY,
  created_at INTEGER NOT NULL
);

CREATE TABLE sessions (
  id            TEXT    PRIMARY KEY,
  visitor_id    TEXT    NOT NULL REFERENCES visitors(id),
  token_hash    BLOB    NOT NULL,
  started_at    INTEGER NOT NULL,       -- server clock, ms since epoch
  last_seen_at  INTEGER NOT NULL,       -- server clock of the last batch written
  first_ts      INTEGER,                -- browser clock of the earliest event
  last_ts       INTEGER,                -- browser clock of the latest event
  mode          TEXT    NOT NULL,       -- device mode at start: desktop, touch, vr, ar
  user_agent    TEXT    NOT NULL DEFAULT '',
  event_count   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sessions_started ON sessions(started_at DESC);
CREATE INDEX sessions_visitor ON sessions(visitor_id);

CREATE TABLE events (
  rowid      INTEGER PRIMARY KEY,
  id         TEXT    NOT NULL UNIQUE,   -- client-made UUIDv7
  session_id TEXT    NOT NULL REFERENCES sessions(id),
  seq        INTEGER NOT NULL,
  type       TEXT    NOT NULL,
  client_ts  INTEGER NOT NULL,          -- ms since epoch, the browser's clock
  server_ts  INTEGER NOT NULL,          -- ms since epoch, when the batch was written
  input      TEXT    NOT NULL,
  product_id TEXT,
  variant_id TEXT,
  props      TEXT    NOT NULL DEFAULT '{}'
);
CREATE INDEX events_session_seq ON events(session_id, seq);

CREATE TABLE staff_users (
  id            INTEGER PRIMARY KEY,
  email         TEXT    NOT NULL UNIQUE COLLATE NOCASE,
  name          TEXT    NOT NULL,
  password_hash TEXT    NOT NULL,
  role          TEXT    NOT NULL CHECK (role IN ('admin', 'sales', 'viewer')),
  disabled      INTEGER NOT NULL DEFAULT 0,
  created_at    INTEGER NOT NULL
);

CREATE TABLE staff_logins (
  token_hash BLOB    PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX staff_logins_user ON staff_logins(user_id);
