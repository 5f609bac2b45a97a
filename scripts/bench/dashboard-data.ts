// History for the dashboard benchmark, generated straight into the database: request
// rows spread evenly over the last 30 days, COPY'd into `requests` and `request_ids`,
// and summed into the three rollup tables by SQL over the stored rows. Summing in JS
// with rollupDeltas costs ~40 µs per row when nearly every row opens a new key (as it
// does over 30 days), too slow for 10M rows; the SQL does the same sums and histogram
// bins, and verifyRollups checks it against rollupDeltas key by key on the small set.
// Chunks end on hour boundaries, so every rollup key (minute, or hour per user) falls
// in exactly one chunk and a plain INSERT suffices where ingestion has to upsert.
import type pg from "pg";
import type { Db } from "@/db/client";
import { copyRows, type CopyColumn } from "@/lib/ingest/copy";
import { dayOf, ensureDayPartitions } from "@/lib/ingest/partitions";
import { dayOf as dayBucket, hourOf, regrain, rollupDeltas } from "@/lib/ingest/rollup";
import type { RequestRow } from "@/lib/ingest/rows";
import { REQUEST_COLUMNS } from "@/lib/ingest/write";
import { GAMMA } from "@/lib/metrics/histogram";

export const HISTORY_MS = 30 * 86_400_000;
const CHUNK = 50_000;

// Each endpoint is served by a main model and a fallback one, as routed apps are: 10 models in all.
const ENDPOINTS = [
  { endpoint: "/chat", models: [["openai", "gpt-4o-2024-08-06"], ["anthropic", "claude-3-5-sonnet-20241022"]], prompt: "chat-system", versions: 3 },
  { endpoint: "/summarize", models: [["openai", "gpt-4o-mini"], ["google", "gemini-2.0-flash-001"]], prompt: "summarize", versions: 2 },
  { endpoint: "/search", models: [["openai", "o3-mini"], ["mistral", "mistral-small-latest"]], prompt: null, versions: 0 },
  { endpoint: "/classify", models: [["anthropic", "claude-3-5-haiku-20241022"], ["mistral", "mistral-large-2411"]], prompt: "classify", versions: 4 },
  { endpoint: "/extract", models: [["openai", "gpt-4.1"], ["google", "gemini-1.5-pro"]], prompt: null, versions: 0 },
] as const;
const ERRORS = [
  { type: "rate_limit", message: "Rate limit reached for requests", status: 429, retryable: true },
  { type: "timeout", message: "Request timed out", status: 504, retryable: true },
  { type: "server_error", message: "The server had an error", status: 500, retryable: false },
] as const;
const RERANKER = ["control", "a", "b"];

function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1_664_525 + 1_013_904_223) % 4_294_967_296) / 4_294_967_296;
}

/** `count` request rows, time-ordered and evenly spaced over [endMs - 30 days, endMs). */
export function* requestRows(projectId: string, count: number, endMs: number, seed = 1): Generator<RequestRow> {
  const rand = lcg(seed);
  const startMs = endMs - HISTORY_MS;
  for (let i = 0; i < count; i++) {
    const t = startMs + Math.floor((i * HISTORY_MS) / count);
    const e = ENDPOINTS[Math.floor(rand() * ENDPOINTS.length)]!;
    const [provider, model] = e.models[rand() < 0.8 ? 0 : 1];
    const error = rand() < 0.03 ? ERRORS[Math.floor(rand() * ERRORS.length)]! : null;
    const duration = Math.round(Math.exp(rand() * 8) * 10) / 10;
    const input = Math.floor(200 + rand() * 2000);
    const output = error ? 0 : Math.floor(rand() * 600);
    // Later prompt versions get more traffic, as a rollout does.
    const version = e.versions ? Math.min(e.versions, 1 + Math.floor(Math.sqrt(rand()) * e.versions)) : null;
    const user = Math.floor(rand() * 1000);
    const flagDraw = rand();
    const id = `r${seed}-${String(i).padStart(9, "0")}`;
    yield {
      project_id: projectId,
      start_time: new Date(t).toISOString(),
      id,
      end_time: new Date(t + Math.ceil(duration)).toISOString(),
      duration_ms: duration,
      time_to_first_token_ms: Math.round(rand() * 500),
      trace_id: `t${seed}-${String(Math.floor(i / 3)).padStart(9, "0")}`,
      parent_id: null,
      name: null,
      kind: "llm",
      provider,
      model,
      status: error ? "error" : "ok",
      error_type: error?.type ?? null,
      error_message: error?.message ?? null,
      error_http_status: error?.status ?? null,
      error_retryable: error?.retryable ?? null,
      input_tokens: input,
      output_tokens: output,
      cached_input_tokens: Math.floor(rand() * input * 0.5),
      reasoning_tokens: null,
      cost_nanos: String(input * 2_500 + output * 10_000),
      cost_source: "table",
      user_id: `user-${user}`,
      session_id: `session-${user}-${Math.floor(t / 3_600_000)}`,
      endpoint: e.endpoint,
      release: "v1.4.2",
      environment: rand() < 0.9 ? "production" : "staging",
      prompt_name: e.prompt,
      prompt_version: version,
      // 60 % of requests are served the retriever flag, a third of those the reranker experiment too.
      flags: flagDraw < 0.2 ? { "new-retriever": "on", reranker: RERANKER[i % 3]! } : flagDraw < 0.6 ? { "new-retriever": flagDraw < 0.4 ? "on" : "off" } : null,
      attempts: rand() < 0.02 ? 2 : 1,
      fallback_from: null,
      cache_hit: rand() < 0.1,
      tags: null,
      metadata: { tenant: `t-${user % 50}` },
      redactions: null,
    };
  }
}


const MEASURES = [
  "requests", "errors", "input_tokens", "output_tokens", "cached_input_tokens", "reasoning_tokens", "cost_nanos", "unpriced",
  "duration_sum_ms", "ttft_sum_ms", "ttft_count", "retried", "fallbacks", "cache_hits",
];
/** What `add` in lib/ingest/rollup.ts sums for one row, per (key, histogram bin). */
const ROW_MEASURES = [
  "count(*)", "count(*) filter (where status = 'error')", "sum(coalesce(input_tokens, 0))", "sum(coalesce(output_tokens, 0))",
  "sum(coalesce(cached_input_tokens, 0))", "sum(coalesce(reasoning_tokens, 0))", "sum(coalesce(cost_nanos, 0))", "count(*) filter (where cost_nanos is null)",
  "sum(duration_ms)", "coalesce(sum(time_to_first_token_ms), 0)", "count(time_to_first_token_ms)", "count(*) filter (where coalesce(attempts, 1) > 1)",
  "count(*) filter (where fallback_from <> '')", "count(*) filter (where cache_hit)",
];
/** bucketIndex() of lib/metrics/histogram.ts: ⌈ln(max(ms, 0.001)) / ln γ⌉. */
const BIN = `ceil(ln(greatest(duration_ms, 0.001)) / ln(${GAMMA}::float8))::int`;

/** Key columns in rollupDeltas' order, with the expression that computes each from a request row. */
const ROLLUPS = [
  {
    table: "rollups_minute",
    from: "requests",
    keys: [
      ["project_id", "project_id"], ["bucket", "date_trunc('minute', start_time, 'UTC')"], ["model", "coalesce(model, '')"], ["provider", "coalesce(provider, '')"],
      ["endpoint", "coalesce(endpoint, '')"], ["environment", "environment"], ["status", "status"], ["error_type", "coalesce(error_type, '')"],
      ["prompt_name", "coalesce(prompt_name, '')"], ["prompt_version", "coalesce(prompt_version, 0)"],
    ],
  },
  {
    table: "rollups_user_hour",
    from: "requests",
    keys: [["project_id", "project_id"], ["bucket", "date_trunc('hour', start_time, 'UTC')"], ["user_id", "user_id"], ["environment", "environment"]],
    where: "and user_id <> ''",
  },
  {
    table: "rollups_flag_minute",
    from: "requests cross join lateral jsonb_each_text(flags) as f(flag_key, variant)",
    keys: [["project_id", "project_id"], ["bucket", "date_trunc('minute', start_time, 'UTC')"], ["flag_key", "flag_key"], ["variant", "variant"], ["environment", "environment"]],
  },
] as const;

/** Sums the stored rows of [$2, $3) into a rollup table: per key and bin first, then one histogram per key. */
function rollupSql(r: (typeof ROLLUPS)[number]): string {
  const keys = r.keys.map(([name]) => name);
  const ordinals = (n: number) => Array.from({ length: n }, (_, i) => i + 1).join(", ");
  return (
    // Compacted: one row per key already. A pending finest-tier row would also be read for
    // the coarse tiers the loader fills itself (ADR 0003, "Deltas").
    `insert into ${r.table} (${[...keys, ...MEASURES, "latency_hist", "compacted"].join(", ")}) ` +
    `select ${keys.join(", ")}, ${MEASURES.map((m) => `sum(${m})`).join(", ")}, jsonb_object_agg(bin::text, requests), true from (` +
    `select ${r.keys.map(([name, expr]) => `${expr} as ${name}`).join(", ")}, ${BIN} as bin, ${ROW_MEASURES.map((e, i) => `${e} as ${MEASURES[i]}`).join(", ")} ` +
    `from ${r.from} where project_id = $1 and start_time >= $2 and start_time < $3 ${"where" in r ? r.where : ""} group by ${ordinals(keys.length + 1)}` +
    `) as b group by ${ordinals(keys.length)}`
  );
}
const ROLLUP_SQL = ROLLUPS.map(rollupSql);
const MAIN_DIMS = "ARRAY['model', 'provider', 'endpoint', 'environment', 'status', 'error_type', 'prompt_name', 'prompt_version']";
const FLAG_DIMS = "ARRAY['flag_key', 'variant', 'environment']";
/** The coarser tiers, summed from the finer ones by the migration's own function once the finest are loaded. */
const TIER_SQL = [
  `select sx_rollup_coarsen('rollups_minute', 'rollups_hour', ${MAIN_DIMS}, 'hour', $1)`,
  `select sx_rollup_coarsen('rollups_hour', 'rollups_day', ${MAIN_DIMS}, 'day', $1)`,
  `select sx_rollup_coarsen('rollups_user_hour', 'rollups_user_day', ARRAY['user_id', 'environment'], 'day', $1)`,
  `select sx_rollup_coarsen('rollups_flag_minute', 'rollups_flag_hour', ${FLAG_DIMS}, 'hour', $1)`,
  `select sx_rollup_coarsen('rollups_flag_hour', 'rollups_flag_day', ${FLAG_DIMS}, 'day', $1)`,
];
export const ROLLUP_TABLES = [
  "rollups_minute", "rollups_hour", "rollups_day", "rollups_user_hour", "rollups_user_day", "rollups_flag_minute", "rollups_flag_hour", "rollups_flag_day",
];
const ID_COLUMNS: CopyColumn<RequestRow>[] = [{ name: "project_id" }, { name: "id" }, { name: "start_time" }];

export type Loaded = { rows: number; seconds: number; rollupRows: Record<string, number> };

const hourFloor = (iso: string) => Date.parse(hourOf(iso));

/**
 * Loads one project's history: day partitions first, then hour-aligned chunks COPY'd
 * on one connection while a second sums each committed chunk into the rollups, so
 * the generator and both database backends keep the two cores busy.
 */
export async function loadHistory(db: Db, pool: pg.Pool, projectId: string, count: number, endMs: number, seed: number): Promise<Loaded> {
  const t0 = performance.now();
  const days = new Set<string>();
  for (let t = endMs - HISTORY_MS; t < endMs + 86_400_000; t += 3_600_000) days.add(dayOf(t));
  await ensureDayPartitions(db, days);
  const copier = await pool.connect();
  const roller = await pool.connect();
  let rollups = Promise.resolve();
  let failed: unknown = null;
  try {
    // Bench data is regenerated on every run: losing the last commits in a crash costs nothing.
    for (const c of [copier, roller]) await c.query("set synchronous_commit = off; set work_mem = '256MB'");
    const write = async (rows: RequestRow[]) => {
      await copier.query("begin");
      await copyRows(copier, "requests", REQUEST_COLUMNS, rows);
      await copyRows(copier, "request_ids", ID_COLUMNS, rows);
      await copier.query("commit");
      const range = [projectId, new Date(hourFloor(rows[0]!.start_time)), new Date(hourFloor(rows.at(-1)!.start_time) + 3_600_000)];
      rollups = rollups
        .then(async () => {
          for (const text of ROLLUP_SQL) await roller.query(text, range);
        })
        .catch((err: unknown) => void (failed ??= err));
    };
    let chunk: RequestRow[] = [];
    for (const row of requestRows(projectId, count, endMs, seed)) {
      if (chunk.length >= CHUNK && hourOf(row.start_time) !== hourOf(chunk.at(-1)!.start_time)) {
        await write(chunk);
        if (failed) throw failed;
        chunk = [];
      }
      chunk.push(row);
    }
    if (chunk.length) await write(chunk);
    await rollups;
    if (failed) throw failed;
    for (const text of TIER_SQL) await roller.query(text, [projectId]);
  } catch (err) {
    await copier.query("rollback").catch(() => undefined);
    throw err;
  } finally {
    await rollups;
    copier.release();
    roller.release();
  }
  const rollupRows: Record<string, number> = {};
  for (const table of ROLLUP_TABLES) {
    const { rows } = await pool.query<{ n: string }>(`select count(*) as n from ${table} where project_id = $1`, [projectId]);
    rollupRows[table] = Number(rows[0]!.n);
  }
  return { rows: count, seconds: (performance.now() - t0) / 1000, rollupRows };
}

/** Fails unless the stored rows, ids and every rollup table count each request exactly once. */
export async function verifyTotals(pool: pg.Pool, projectId: string, count: number): Promise<void> {
  const { rows } = await pool.query<Record<string, string>>(
    `select (select count(*) from requests where project_id = $1) as requests,
            (select count(*) from request_ids where project_id = $1) as ids,
            (select sum(requests) from rollups_minute where project_id = $1) as minute,
            (select sum(requests) from rollups_hour where project_id = $1) as hour,
            (select sum(requests) from rollups_day where project_id = $1) as day,
            (select sum(requests) from rollups_user_hour where project_id = $1) as user_hour,
            (select sum(requests) from rollups_user_day where project_id = $1) as user_day,
            (select sum(requests) from rollups_flag_minute where project_id = $1 and flag_key = 'new-retriever') as flag,
            (select sum(requests) from rollups_flag_hour where project_id = $1 and flag_key = 'new-retriever') as flag_hour,
            (select sum(requests) from rollups_flag_day where project_id = $1 and flag_key = 'new-retriever') as flag_day,
            (select count(*) from requests where project_id = $1 and flags ? 'new-retriever') as flagged`,
    [projectId],
  );
  const got = rows[0]!;
  const { flag, flag_hour, flag_day, flagged, ...totals } = got;
  if (Object.values(totals).some((v) => Number(v) !== count) || [flag, flag_hour, flag_day].some((v) => v !== flagged)) throw new Error(`history of ${count} rows is inconsistent: ${JSON.stringify(got)}`);
}

const same = (a: unknown, b: unknown) => (typeof a === "number" && typeof b === "number" ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)) : String(a) === String(b));

/** Fails unless the SQL-built rollups equal, key by key and bin by bin, what the ingest path's rollupDeltas (and regrain) make of the same rows. */
export async function verifyRollups(pool: pg.Pool, rows: RequestRow[]): Promise<void> {
  const deltas = rollupDeltas(rows);
  const [main, users, flags] = ROLLUPS.map((r) => r.keys.map(([name]) => name));
  const tiers = [
    { table: "rollups_minute", keys: main!, expected: deltas.main },
    { table: "rollups_hour", keys: main!, expected: regrain(deltas.main, hourOf) },
    { table: "rollups_day", keys: main!, expected: regrain(deltas.main, dayBucket) },
    { table: "rollups_user_hour", keys: users!, expected: deltas.users },
    { table: "rollups_user_day", keys: users!, expected: regrain(deltas.users, dayBucket) },
    { table: "rollups_flag_minute", keys: flags!, expected: deltas.flags },
    { table: "rollups_flag_hour", keys: flags!, expected: regrain(deltas.flags, hourOf) },
    { table: "rollups_flag_day", keys: flags!, expected: regrain(deltas.flags, dayBucket) },
  ] as const;
  for (const r of tiers) {
    const expected = r.expected as Map<string, { m: unknown }>;
    const stored = await pool.query<Record<string, unknown>>(`select * from ${r.table} where project_id = $1`, [rows[0]!.project_id]);
    if (stored.rows.length !== expected.size) throw new Error(`${r.table}: ${stored.rows.length} rows stored, rollupDeltas makes ${expected.size}`);
    for (const s of stored.rows) {
      const id = r.keys.map((name) => (s[name] instanceof Date ? (s[name] as Date).toISOString() : String(s[name]))).join("\u0000");
      const m = expected.get(id)?.m as Record<string, unknown> | undefined;
      const bad = !m ? "missing" : [...MEASURES, "latency_hist"].find((k) => (k === "latency_hist" ? !sameHistogram(m[k], s[k]) : !same(Number(m[k]), Number(s[k]))));
      if (bad) throw new Error(`${r.table} ${id.replaceAll("\u0000", " ")}: ${bad} differs from rollupDeltas`);
    }
  }
}

function sameHistogram(a: unknown, b: unknown): boolean {
  const entries = (h: unknown) => JSON.stringify(Object.entries(h as Record<string, number>).sort(([x], [y]) => Number(x) - Number(y)));
  return entries(a) === entries(b);
}
