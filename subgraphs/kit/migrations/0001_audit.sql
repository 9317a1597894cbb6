-- Every subgraph's append-only, hash-chained audit trail (F6). Applied by the
-- kit to each subgraph's schema before the subgraph's own migrations.
CREATE TABLE audit_events (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at timestamptz NOT NULL,
  request_id text NOT NULL,
  principal_sub text NOT NULL,
  role text NOT NULL,
  organization_id text,
  purpose text,
  operation_name text,
  operation_hash text,
  action text NOT NULL CHECK (action IN ('READ', 'WRITE')),
  record_type text NOT NULL,
  record_ids text[] NOT NULL DEFAULT '{}',
  fields text[] NOT NULL DEFAULT '{}',
  prev_hash text NOT NULL,
  hash text NOT NULL UNIQUE
);
CREATE INDEX audit_events_record_idx ON audit_events USING gin (record_ids);
CREATE INDEX audit_events_time_idx ON audit_events (occurred_at);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
