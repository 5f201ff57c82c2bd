-- Indexes for the staff session list's facts and filters: contact requests by session, and each session's
-- mode changes and cart changes (a small partial index: these are few among a session's events).
CREATE INDEX service_requests_session ON service_requests(session_id);
CREATE INDEX events_session_facts ON events(session_id, type) WHERE type IN ('mode_change', 'cart_add', 'cart_remove');
