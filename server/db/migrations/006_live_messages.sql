-- Messages a salesperson sends to a customer's running session (the Live page); the browser fetches them over SSE.
CREATE TABLE live_messages (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,      -- also the SSE event id the browser resumes from
  session_id   TEXT    NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  sender_id    INTEGER REFERENCES staff_users(id) ON DELETE SET NULL,
  sender_name  TEXT    NOT NULL,                       -- as shown to the customer when it was sent
  body         TEXT    NOT NULL,
  created_at   INTEGER NOT NULL,                       -- server clock, ms since epoch
  shown_at     INTEGER,                                -- browser clock of its staff_message_shown event
  dismissed_at INTEGER                                 -- browser clock of its staff_message_dismissed event
);
CREATE INDEX live_messages_session ON live_messages(session_id, id);
