-- Statistics releases: immutable once published (issue 8). A correction is a
-- new row naming the release it replaces. Only protected values are stored:
-- the true counts never reach this database.
CREATE TABLE releases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  period text NOT NULL CHECK (period ~ '^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$'),
  period_type text NOT NULL CHECK (period_type IN ('MONTH', 'QUARTER', 'YEAR')),
  -- Millisecond precision so a (published_at, id) cursor round-trips through JavaScript exactly.
  published_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  replaces uuid REFERENCES releases (id),
  method jsonb NOT NULL,
  tables jsonb NOT NULL,
  CHECK (replaces IS NULL OR replaces <> id)
);
CREATE INDEX releases_published_idx ON releases (published_at DESC, id DESC);
CREATE INDEX releases_period_idx ON releases (period_type, period DESC, published_at DESC);

CREATE TABLE release_cells (
  release_id uuid NOT NULL REFERENCES releases (id),
  measure text NOT NULL,
  -- Canonical key, e.g. 'SEX=F|AGE_GROUP=Y18T24'; '' is the grand total.
  cell_key text NOT NULL,
  ordinal integer NOT NULL,
  dimensions text[] NOT NULL,
  codes jsonb NOT NULL,
  value integer CHECK (value >= 0),
  suppressed boolean NOT NULL,
  lower integer,
  upper integer,
  CHECK (suppressed = (value IS NULL)),
  CHECK (suppressed OR (lower IS NOT NULL AND upper IS NOT NULL AND lower <= value AND value <= upper)),
  -- Its leading columns also serve every lookup by (release_id, measure).
  PRIMARY KEY (release_id, measure, cell_key)
);

-- A published release never changes: UPDATE, DELETE and TRUNCATE are refused
-- on both tables, whoever asks. (Retention, if ever needed, is a migration.)
CREATE FUNCTION refuse_release_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'statistics releases are immutable: publish a correction that replaces this release'
    USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER releases_immutable BEFORE UPDATE OR DELETE ON releases
  FOR EACH ROW EXECUTE FUNCTION refuse_release_change();
CREATE TRIGGER releases_no_truncate BEFORE TRUNCATE ON releases
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_release_change();
CREATE TRIGGER release_cells_immutable BEFORE UPDATE OR DELETE ON release_cells
  FOR EACH ROW EXECUTE FUNCTION refuse_release_change();
CREATE TRIGGER release_cells_no_truncate BEFORE TRUNCATE ON release_cells
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_release_change();

-- Cells may only be added in the transaction that published their release:
-- nobody can append a table to a release after the fact.
CREATE FUNCTION refuse_late_cells() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM releases r
    WHERE r.id = NEW.release_id
      AND r.xmin::text = (pg_current_xact_id()::text::bigint % 4294967296)::text
  ) THEN
    RAISE EXCEPTION 'statistics releases are immutable: cells belong to the transaction that publishes the release'
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER release_cells_with_release BEFORE INSERT ON release_cells
  FOR EACH ROW EXECUTE FUNCTION refuse_late_cells();
