-- Hour and day tiers of the rollups (docs/decisions/0003, "Tiers"). A dashboard over
-- 30 days reads whole days from the day tier and only the edges from finer tiers, so
-- its cost follows the number of days, not the traffic. Ingestion writes every tier
-- in the same transaction; this migration fills the new tiers from the existing ones.
CREATE TABLE "rollups_hour" (LIKE "rollups_minute" INCLUDING ALL);
--> statement-breakpoint
CREATE TABLE "rollups_day" (LIKE "rollups_minute" INCLUDING ALL);
--> statement-breakpoint
CREATE TABLE "rollups_user_day" (LIKE "rollups_user_hour" INCLUDING ALL);
--> statement-breakpoint
CREATE TABLE "rollups_flag_hour" (LIKE "rollups_flag_minute" INCLUDING ALL);
--> statement-breakpoint
CREATE TABLE "rollups_flag_day" (LIKE "rollups_flag_minute" INCLUDING ALL);
--> statement-breakpoint
-- Sums one rollup table into a coarser one (`unit`: 'hour' or 'day', UTC): the sums
-- by key, the histograms set-based (per key and bin, then one object per key) — far
-- cheaper than folding sx_hist_merge row by row. `dims` are the key columns besides
-- project_id and bucket. Adds to what `dst` already holds; pass `project` to limit it.
CREATE OR REPLACE FUNCTION sx_rollup_coarsen(src text, dst text, dims text[], unit text, project uuid DEFAULT NULL) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  k text := array_to_string(dims, ', ');
  sums text := 'sum(requests), sum(errors), sum(input_tokens), sum(output_tokens), sum(cached_input_tokens), sum(reasoning_tokens), '
    'sum(cost_nanos), sum(unpriced), sum(duration_sum_ms), sum(ttft_sum_ms), sum(ttft_count), sum(retried), sum(fallbacks), sum(cache_hits)';
  cols text := 'requests, errors, input_tokens, output_tokens, cached_input_tokens, reasoning_tokens, cost_nanos, unpriced, '
    'duration_sum_ms, ttft_sum_ms, ttft_count, retried, fallbacks, cache_hits';
  adds text;
  n bigint;
BEGIN
  SELECT string_agg(format('%1$s = %2$I.%1$s + excluded.%1$s', c, dst), ', ') INTO adds FROM unnest(string_to_array(cols, ', ')) AS c;
  EXECUTE format(
    'insert into %1$I (project_id, bucket, %2$s, %3$s, latency_hist) '
    'select s.*, coalesce(h.hist, ''{}'') from ('
    '  select project_id, date_trunc(%4$L, bucket, ''UTC'') as bucket, %2$s, %5$s from %6$I where $1 is null or project_id = $1 group by 1, 2, %2$s'
    ') as s left join ('
    '  select project_id, bucket, %2$s, jsonb_object_agg(bin, n) as hist from ('
    '    select project_id, date_trunc(%4$L, bucket, ''UTC'') as bucket, %2$s, e.key as bin, sum(e.value::bigint) as n'
    '    from %6$I, jsonb_each_text(latency_hist) as e where $1 is null or project_id = $1 group by 1, 2, %2$s, e.key'
    '  ) as b group by project_id, bucket, %2$s'
    ') as h using (project_id, bucket, %2$s) '
    'on conflict (project_id, bucket, %2$s) do update set %7$s, latency_hist = sx_hist_merge(%1$I.latency_hist, excluded.latency_hist)',
    dst, k, cols, unit, sums, src, adds)
  USING project;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;
--> statement-breakpoint
SELECT sx_rollup_coarsen('rollups_minute', 'rollups_hour', ARRAY['model', 'provider', 'endpoint', 'environment', 'status', 'error_type', 'prompt_name', 'prompt_version'], 'hour');
--> statement-breakpoint
SELECT sx_rollup_coarsen('rollups_hour', 'rollups_day', ARRAY['model', 'provider', 'endpoint', 'environment', 'status', 'error_type', 'prompt_name', 'prompt_version'], 'day');
--> statement-breakpoint
SELECT sx_rollup_coarsen('rollups_user_hour', 'rollups_user_day', ARRAY['user_id', 'environment'], 'day');
--> statement-breakpoint
SELECT sx_rollup_coarsen('rollups_flag_minute', 'rollups_flag_hour', ARRAY['flag_key', 'variant', 'environment'], 'hour');
--> statement-breakpoint
SELECT sx_rollup_coarsen('rollups_flag_hour', 'rollups_flag_day', ARRAY['flag_key', 'variant', 'environment'], 'day');
