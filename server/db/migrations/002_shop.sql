-- A visitor's cart and wishlist, and the customer's requests for a salesperson.
CREATE TABLE cart_items (
  visitor_id TEXT    NOT NULL REFERENCES visitors(id) ON DELETE CASCADE,
  product_id TEXT    NOT NULL REFERENCES products(id),
  variant_id TEXT    NOT NULL,
  quantity   INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 99),
  added_at   INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (visitor_id, product_id, variant_id)
) WITHOUT ROWID;

CREATE TABLE wishlist_items (
  visitor_id TEXT    NOT NULL REFERENCES visitors(id) ON DELETE CASCADE,
  product_id TEXT    NOT NULL REFERENCES products(id),
  variant_id TEXT    NOT NULL,
  added_at   INTEGER NOT NULL,
  PRIMARY KEY (visitor_id, product_id, variant_id)
) WITHOUT ROWID;

CREATE TABLE service_requests (
  id         INTEGER PRIMARY KEY,
  visitor_id TEXT    NOT NULL REFERENCES visitors(id) ON DELETE CASCADE,
  session_id TEXT    NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  channel    TEXT    NOT NULL CHECK (channel IN ('form', 'one-press')),
  product_id TEXT    REFERENCES products(id),
  variant_id TEXT,
  name       TEXT,
  email      TEXT,
  phone      TEXT,
  message    TEXT,
  status     TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_at INTEGER NOT NULL,
  closed_at  INTEGER
);
CREATE INDEX service_requests_status ON service_requests(status, created_at DESC);
CREATE INDEX service_requests_visitor ON service_requests(visitor_id);
