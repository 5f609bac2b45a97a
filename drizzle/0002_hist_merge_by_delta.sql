-- Rollup upserts merge a small delta histogram into a large stored one. The first
-- version expanded and regrouped both on every merge; this one walks only the
-- delta's keys and overwrites them on the stored object with one `||` (same result).
CREATE OR REPLACE FUNCTION sx_hist_merge(a jsonb, b jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN a IS NULL THEN coalesce(b, '{}'::jsonb)
    WHEN b IS NULL THEN a
    ELSE a || coalesce((SELECT jsonb_object_agg(k, coalesce((a ->> k)::bigint, 0) + v::bigint) FROM jsonb_each_text(b) AS t(k, v)), '{}'::jsonb)
  END
$$;
