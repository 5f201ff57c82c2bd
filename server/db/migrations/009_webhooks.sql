-- Signed webhooks to the retailer's CRM: endpoints, the event types each subscribes to, and the transactional
-- outbox (one row per event and endpoint, written in the transaction of the change it reports; also the delivery log).
CREATE TABLE webhook_endpoints (
  id          INTEGER PRIMARY KEY,
  url         TEXT    NOT NULL,
  description TEXT    NOT NULL DEFAULT '',
  secret      TEXT    NOT NULL,            -- whsec_<base64>: shown once at creation, never read back out
  enabled     INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);

CREATE TABLE webhook_subscriptions (
  event_type  TEXT    NOT NULL,
  endpoint_id INTEGER NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
  PRIMARY KEY (event_type, endpoint_id)
) WITHOUT ROWID;
CREATE INDEX webhook_subscriptions_endpoint ON webhook_subscriptions(endpoint_id);

CREATE TABLE webhook_outbox (
  id               INTEGER PRIMARY KEY,
  msg_id           TEXT    NOT NULL,       -- the webhook-id header: the same for every try and every endpoint
  endpoint_id      INTEGER NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
  type             TEXT    NOT NULL,
  order_key        TEXT,                   -- 'customer:12' or 'visitor:<uuid>': one at a time per key and endpoint
  customer_id      INTEGER,                -- the customer it is about (erasing the customer deletes the row)
  subject          TEXT,                   -- session id of a session.ended row, whose body is built at the first try
  payload          TEXT,                   -- the JSON body; NULL until built
  occurred_at      INTEGER NOT NULL,       -- ms since the epoch
  status           TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  INTEGER NOT NULL,
  lease_until      INTEGER,                -- a worker holds the row until then (ms); NULL when nobody does
  lease_owner      TEXT,
  last_status_code INTEGER,
  last_error       TEXT,
  last_duration_ms INTEGER,
  last_attempt_at  INTEGER,
  finished_at      INTEGER,
  UNIQUE (msg_id, endpoint_id)
);
CREATE INDEX webhook_outbox_due ON webhook_outbox(next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_outbox_key ON webhook_outbox(endpoint_id, order_key, id) WHERE status = 'pending';
CREATE INDEX webhook_outbox_log ON webhook_outbox(endpoint_id, id);
CREATE INDEX webhook_outbox_customer ON webhook_outbox(customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX webhook_outbox_failed ON webhook_outbox(status) WHERE status = 'failed';
