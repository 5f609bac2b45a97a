-- Rollups become append-only deltas, compacted by a job (docs/decisions/0003, "Deltas").
-- Every group commit used to upsert its per-key sums into eight tables: concurrent
-- writers queued on the same rows' locks (the current minute, hour and day) and each
-- conflict merged a JSON histogram row by row. Now a group commit appends deltas to each
-- family's finest tier only (`compacted` false) and never waits for another writer;
-- `sx_rollup_compact` later folds each key's rows into one (`compacted` true) and carries
-- the pending sums into the coarser tiers, in one set-based statement. Readers sum every
-- row of a key, so an answer is the same before and after.
DO $$
DECLARE
  t record;
  pk text;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('rollups_minute', 'model, provider, endpoint, environment, status, error_type, prompt_name, prompt_version'),
    ('rollups_hour', 'model, provider, endpoint, environment, status, error_type, prompt_name, prompt_version'),
    ('rollups_day', 'model, provider, endpoint, environment, status, error_type, prompt_name, prompt_version'),
    ('rollups_user_hour', 'user_id, environment'),
    ('rollups_user_day', 'user_id, environment'),
    ('rollups_flag_minute', 'flag_key, variant, environment'),
    ('rollups_flag_hour', 'flag_key, variant, environment'),
    ('rollups_flag_day', 'flag_key, variant, environment')
  ) AS v(name, dims) LOOP
    -- Existing rows are one per key already; new rows are deltas until compacted.
    EXECUTE format('ALTER TABLE %I ADD COLUMN compacted boolean NOT NULL DEFAULT true', t.name);
    EXECUTE format('ALTER TABLE %I ALTER COLUMN compacted SET DEFAULT false', t.name);
    SELECT conname INTO pk FROM pg_constraint WHERE conrelid = t.name::regclass AND contype = 'p';
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', t.name, pk);
    EXECUTE format('CREATE INDEX %I ON %I (project_id, bucket, %s)', t.name || '_key_idx', t.name, t.dims);
    EXECUTE format('CREATE INDEX %I ON %I (project_id, bucket) WHERE NOT compacted', t.name || '_pending_idx', t.name);
  END LOOP;
END $$;
--> statement-breakpoint
-- The one home of "sum rollup rows by key": a SELECT (as text, for EXECUTE) of `src`'s
-- rows matching `filter`, re-bucketed by `bucket` (an expression over the column bucket),
-- giving project_id, bucket, the dims, every measure summed and the merged histogram —
-- the sums by key, the histograms set-based (per key and bin, then one object per key).
CREATE OR REPLACE FUNCTION sx_rollup_sum_sql(src text, dims text[], bucket text, filter text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  k text := array_to_string(dims, ', ');
  sums text;
BEGIN
  SELECT string_agg(format('sum(%1$s) as %1$s', c), ', ') INTO sums
  FROM unnest(ARRAY['requests', 'errors', 'input_tokens', 'output_tokens', 'cached_input_tokens', 'reasoning_tokens', 'cost_nanos', 'unpriced',
    'duration_sum_ms', 'ttft_sum_ms', 'ttft_count', 'retried', 'fallbacks', 'cache_hits']) AS c;
  RETURN format(
    'select s.*, coalesce(h.hist, ''{}'') as latency_hist from ('
    '  select project_id, %3$s as bucket, %2$s, %5$s from %1$I where %4$s group by 1, 2, %2$s'
    ') as s left join ('
    '  select project_id, bucket, %2$s, jsonb_object_agg(bin, c) as hist from ('
    '    select project_id, %3$s as bucket, %2$s, e.key as bin, sum(e.value::bigint) as c'
    '    from %1$I, jsonb_each_text(%1$I.latency_hist) as e where %4$s group by 1, 2, %2$s, e.key'
    '  ) as b group by project_id, bucket, %2$s'
    ') as h using (project_id, bucket, %2$s)',
    src, k, bucket, filter, sums);
END $$;
--> statement-breakpoint
-- The measure columns in the order sx_rollup_sum_sql returns them.
CREATE OR REPLACE FUNCTION sx_rollup_columns(dims text[]) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT 'project_id, bucket, ' || array_to_string(dims, ', ') || ', requests, errors, input_tokens, output_tokens, cached_input_tokens, '
    'reasoning_tokens, cost_nanos, unpriced, duration_sum_ms, ttft_sum_ms, ttft_count, retried, fallbacks, cache_hits, latency_hist'
$$;
--> statement-breakpoint
-- Folds every key that has pending (uncompacted) rows into one compacted row: the
-- key's rows are deleted and their sums inserted in the same statement, so a reader
-- sees either all the deltas or their sum. Rows appended by writers that commit
-- during the statement are not in its snapshot and stay pending for the next run.
-- `dims` are the key columns besides project_id and bucket; at most `max_keys` keys are
-- folded per call. Ingestion writes only a family's finest tier: for it, `coarser`
-- names the family's coarser tables and `units` their grains ('hour', 'day'), and the
-- pending rows' sums are re-bucketed into those tables (as their pending deltas) in
-- the same statement — until then readers take a finest tier's pending rows for
-- coarse buckets too (lib/metrics/tiers.ts). Returns the rows folded (deleted).
CREATE OR REPLACE FUNCTION sx_rollup_compact(tbl text, dims text[], max_keys int DEFAULT 100000, coarser text[] DEFAULT '{}', units text[] DEFAULT '{}') RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  k text := array_to_string(dims, ', ');
  cols text := sx_rollup_columns(dims);
  joins text;
  ups text := '';
  n bigint;
BEGIN
  SELECT string_agg(format('t.%1$s = d.%1$s', c), ' and ') INTO joins FROM unnest(ARRAY['project_id', 'bucket'] || dims) AS c;
  -- One data-modifying CTE per coarser table: the pending rows' sums in its buckets.
  FOR i IN 1 .. coalesce(array_length(coarser, 1), 0) LOOP
    ups := ups || format('up%s as (insert into %I (%s) %s returning 1), ',
      i, coarser[i], cols, sx_rollup_sum_sql('gone', dims, format('date_trunc(%L, bucket, ''UTC'')', units[i]), 'not compacted'));
  END LOOP;
  EXECUTE format(
    'with dirty as (select distinct project_id, bucket, %2$s from %1$I where not compacted limit %5$s), '
    'gone as (delete from %1$I t using dirty d where %4$s returning t.*), '
    '%6$s'
    'folded as (insert into %1$I (%3$s, compacted) select x.*, true from (%7$s) as x returning 1) '
    'select count(*) from gone',
    tbl, k, cols, joins, max_keys, ups, sx_rollup_sum_sql('gone', dims, 'bucket', 'true'))
  INTO n;
  RETURN n;
END $$;
--> statement-breakpoint
-- The backfill helper (0003) now appends its sums as pending deltas like ingestion does.
CREATE OR REPLACE FUNCTION sx_rollup_coarsen(src text, dst text, dims text[], unit text, project uuid DEFAULT NULL) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  n bigint;
BEGIN
  EXECUTE format('insert into %I (%s) %s', dst, sx_rollup_columns(dims),
    sx_rollup_sum_sql(src, dims, format('date_trunc(%L, bucket, ''UTC'')', unit), '$1 is null or project_id = $1'))
  USING project;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;
