-- CRM: customers (linked to visitors), leads and their products, notes, tasks, quotes and orders, the audit log.
CREATE TABLE customers (
  id               INTEGER PRIMARY KEY,
  name             TEXT    NOT NULL DEFAULT '',
  email            TEXT    UNIQUE,           -- trimmed and lower-case; NULL when only a phone number is known
  phone            TEXT,                     -- E.164 (+4915123456789) when the country is known, else as typed
  company          TEXT,
  address          TEXT,                     -- street and number, may span lines
  postal_code      TEXT,
  city             TEXT,
  country          TEXT CHECK (country IS NULL OR country GLOB '[A-Z][A-Z]'),  -- ISO 3166-1 alpha-2
  consent_contact  INTEGER NOT NULL DEFAULT 0 CHECK (consent_contact IN (0, 1)),
  consent_tracking INTEGER NOT NULL DEFAULT 0 CHECK (consent_tracking IN (0, 1)),
  source           TEXT    NOT NULL CHECK (source IN ('showroom', 'import', 'staff')),
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  CHECK (email IS NOT NULL OR phone IS NOT NULL)
);
CREATE INDEX customers_updated ON customers(updated_at DESC, id DESC);
CREATE INDEX customers_phone ON customers(phone) WHERE phone IS NOT NULL;

-- A browser belongs to at most one customer; every session of the browser is the customer's.
ALTER TABLE visitors ADD COLUMN customer_id INTEGER REFERENCES customers(id);
CREATE INDEX visitors_customer ON visitors(customer_id) WHERE customer_id IS NOT NULL;

CREATE TABLE leads (
  id               INTEGER PRIMARY KEY,
  customer_id      INTEGER REFERENCES customers(id),   -- NULL while the lead is an anonymous visitor's
  visitor_id       TEXT    REFERENCES visitors(id),    -- the browser the lead came from, if any
  title            TEXT    NOT NULL,
  stage            TEXT    NOT NULL DEFAULT 'new'
                   CHECK (stage IN ('new', 'contacted', 'qualified', 'proposal', 'won', 'lost')),
  lost_reason      TEXT,
  value_cents      INTEGER NOT NULL DEFAULT 0 CHECK (value_cents >= 0),
  currency         TEXT    NOT NULL,
  value_manual     INTEGER NOT NULL DEFAULT 0 CHECK (value_manual IN (0, 1)),  -- 1: staff set the value, the cart no longer does
  assignee_id      INTEGER REFERENCES staff_users(id),
  source           TEXT    NOT NULL CHECK (source IN ('cart', 'contact-form', 'one-press', 'staff')),
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL,
  stage_changed_at INTEGER NOT NULL,
  CHECK (customer_id IS NOT NULL OR visitor_id IS NOT NULL),
  CHECK ((stage = 'lost') = (lost_reason IS NOT NULL))
);
CREATE INDEX leads_stage ON leads(stage, updated_at DESC);
CREATE INDEX leads_customer ON leads(customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX leads_visitor ON leads(visitor_id) WHERE visitor_id IS NOT NULL;
CREATE INDEX leads_assignee ON leads(assignee_id);

-- Products a lead is about: the cart's lines (with quantity and price), requested products, products staff added.
CREATE TABLE lead_products (
  lead_id          INTEGER NOT NULL REFERENCES leads(id) ON DELETE CASCADE,
  product_id       TEXT    NOT NULL REFERENCES products(id),
  variant_id       TEXT    NOT NULL DEFAULT '',        -- '' when no variant was named
  reason           TEXT    NOT NULL CHECK (reason IN ('cart', 'request', 'staff')),
  quantity         INTEGER NOT NULL DEFAULT 1 CHECK (quantity >= 1),
  unit_price_cents INTEGER NOT NULL,
  currency         TEXT    NOT NULL,
  added_at         INTEGER NOT NULL,
  PRIMARY KEY (lead_id, product_id, variant_id, reason)
) WITHOUT ROWID;

ALTER TABLE service_requests ADD COLUMN customer_id INTEGER REFERENCES customers(id);
ALTER TABLE service_requests ADD COLUMN lead_id INTEGER REFERENCES leads(id);
ALTER TABLE service_requests ADD COLUMN closed_by INTEGER REFERENCES staff_users(id);
CREATE INDEX service_requests_customer ON service_requests(customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX service_requests_lead ON service_requests(lead_id) WHERE lead_id IS NOT NULL;

-- Notes and follow-up tasks are on exactly one customer or one lead.
CREATE TABLE notes (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER REFERENCES customers(id),
  lead_id     INTEGER REFERENCES leads(id),
  author_id   INTEGER NOT NULL REFERENCES staff_users(id),
  body        TEXT    NOT NULL,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  CHECK ((customer_id IS NULL) <> (lead_id IS NULL))
);
CREATE INDEX notes_customer ON notes(customer_id, created_at DESC) WHERE customer_id IS NOT NULL;
CREATE INDEX notes_lead ON notes(lead_id, created_at DESC) WHERE lead_id IS NOT NULL;

CREATE TABLE tasks (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER REFERENCES customers(id),
  lead_id     INTEGER REFERENCES leads(id),
  title       TEXT    NOT NULL,
  due_date    TEXT    CHECK (due_date IS NULL OR due_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),  -- calendar day
  assignee_id INTEGER REFERENCES staff_users(id),
  created_by  INTEGER NOT NULL REFERENCES staff_users(id),
  done_at     INTEGER,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  CHECK ((customer_id IS NULL) <> (lead_id IS NULL))
);
CREATE INDEX tasks_open_due ON tasks(done_at, due_date);
CREATE INDEX tasks_customer ON tasks(customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX tasks_lead ON tasks(lead_id) WHERE lead_id IS NOT NULL;

-- Quotes and orders made from a customer's cart: the lines are copied with the prices of that moment.
CREATE TABLE orders (
  id          INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  lead_id     INTEGER REFERENCES leads(id),
  kind        TEXT    NOT NULL CHECK (kind IN ('quote', 'order')),
  status      TEXT    NOT NULL DEFAULT 'open'
              CHECK (status IN ('open', 'sent', 'accepted', 'declined', 'fulfilled', 'cancelled')),
  currency    TEXT    NOT NULL,
  total_cents INTEGER NOT NULL,
  created_by  INTEGER NOT NULL REFERENCES staff_users(id),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE INDEX orders_customer ON orders(customer_id, created_at DESC);
CREATE INDEX orders_lead ON orders(lead_id) WHERE lead_id IS NOT NULL;

CREATE TABLE order_items (
  order_id         INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  line             INTEGER NOT NULL,
  product_id       TEXT    NOT NULL REFERENCES products(id),
  variant_id       TEXT    NOT NULL,
  name             TEXT    NOT NULL,
  variant_name     TEXT    NOT NULL,
  quantity         INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 99),
  unit_price_cents INTEGER NOT NULL,
  PRIMARY KEY (order_id, line)
) WITHOUT ROWID;

-- Who changed what and when. `details` is JSON and never holds a customer's personal data, so an erased
-- customer leaves only their former id here.
CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        INTEGER NOT NULL,
  actor_id  INTEGER REFERENCES staff_users(id),   -- NULL for the command line and the showroom itself
  actor     TEXT    NOT NULL,                     -- staff email, 'cli:<os user>' or 'showroom'
  action    TEXT    NOT NULL,                     -- e.g. customer.update, lead.stage, user.disable, export.events
  entity    TEXT    NOT NULL,                     -- customer, lead, user, order, service_request, export, import
  entity_id TEXT,
  details   TEXT    NOT NULL DEFAULT '{}',
  ip        TEXT
);
CREATE INDEX audit_at ON audit_log(at DESC, id DESC);
CREATE INDEX audit_entity ON audit_log(entity, entity_id, id DESC);
