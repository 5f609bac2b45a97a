import "server-only";
import type { Db } from "@/db/client";
import { sampleForReview } from "@/lib/review/sampling";
import { copyRows, type CopyColumn } from "./copy";
import { deltaRecords, rollupDeltas, type Keyed, type RollupDeltas } from "./rollup";
import type { BodyRow, RequestRow } from "./rows";

/** One HTTP request's worth of prepared rows, waiting in the group commit. */
export type PreparedBatch = { rows: RequestRow[]; bodies: BodyRow[] };
export type BatchResult = { accepted: number; duplicates: number };

const JSON_COLUMNS = new Set(["flags", "metadata", "redactions"]);
export const REQUEST_COLUMNS: CopyColumn<RequestRow>[] = (
  [
    "project_id", "start_time", "id", "end_time", "duration_ms", "time_to_first_token_ms", "trace_id", "parent_id", "name", "kind",
    "provider", "model", "status", "error_type", "error_message", "error_http_status", "error_retryable", "input_tokens", "output_tokens",
    "cached_input_tokens", "reasoning_tokens", "cost_nanos", "cost_source", "user_id", "session_id", "endpoint", "release", "environment",
    "prompt_name", "prompt_version", "flags", "attempts", "fallback_from", "cache_hit", "tags", "metadata", "redactions",
  ] as const
).map((name) => ({ name, kind: name === "tags" ? "text[]" : JSON_COLUMNS.has(name) ? "json" : "text" }));
export const BODY_COLUMNS: CopyColumn<BodyRow>[] = [
  { name: "project_id" }, { name: "start_time" }, { name: "request_id" }, { name: "input", kind: "json" }, { name: "output", kind: "json" },
];

const MEASURES = [
  "requests", "errors", "input_tokens", "output_tokens", "cached_input_tokens", "reasoning_tokens", "cost_nanos", "unpriced",
  "duration_sum_ms", "ttft_sum_ms", "ttft_count", "retried", "fallbacks", "cache_hits",
];
const MAIN_KEYS = ["project_id", "bucket", "model", "provider", "endpoint", "environment", "status", "error_type", "prompt_name", "prompt_version"];
const USER_KEYS = ["project_id", "bucket", "user_id", "environment"];
const FLAG_KEYS = ["project_id", "bucket", "flag_key", "variant", "environment"];

/** A rollup table's columns as the group commit appends its deltas (`compacted` keeps its default, false). */
const deltaColumns = (keys: string[]) => [...keys, ...MEASURES, "latency_hist"].join(", ");

/**
 * The finest tier of each rollup family with the deltas it gets. Deltas are appended,
 * never merged in place, so concurrent group commits do not wait on each other's rows;
 * the compaction job folds them and carries them into the hour and day tiers, and until
 * then readers take them for coarse buckets too (ADR 0003, "Deltas").
 */
const TIERS: { table: string; columns: string; deltas: (d: RollupDeltas) => Keyed<object> }[] = [
  { table: "rollups_minute", columns: deltaColumns(MAIN_KEYS), deltas: (d) => d.main },
  { table: "rollups_user_hour", columns: deltaColumns(USER_KEYS), deltas: (d) => d.users },
  { table: "rollups_flag_minute", columns: deltaColumns(FLAG_KEYS), deltas: (d) => d.flags },
];
/** The deltas appended in one statement (one round trip): `$n` is the n-th tier's records as JSON. */
const APPEND_DELTAS =
  "with " +
  TIERS.map((t, i) => `t${i} as (insert into ${t.table} (${t.columns}) select ${t.columns} from json_populate_recordset(null::${t.table}, $${i + 1}::json))`).join(", ") +
  " select 1";
const REGISTER =
  "insert into request_ids (project_id, id, start_time) select project_id, id, start_time " +
  "from json_to_recordset($1::json) as x(project_id uuid, id text, start_time timestamptz) on conflict do nothing returning project_id, id";

const keyOf = (projectId: string, id: string) => `${projectId}\u0000${id}`;

/**
 * Writes several batches in one transaction (the group commit). The idempotency
 * registry decides which events are new; only those are COPY'd into `requests`
 * and `request_bodies` and added to the rollups, so a re-sent event is counted
 * once however often it comes.
 */
export async function writeGroup(db: Db, batches: PreparedBatch[]): Promise<BatchResult[]> {
  // First occurrence of a (project, id) in the group wins; later ones are duplicates.
  const seen = new Set<string>();
  const candidates: RequestRow[] = [];
  for (const b of batches) {
    for (const r of b.rows) {
      const key = keyOf(r.project_id, r.id);
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push(r);
    }
  }
  // One lock order for every writer: concurrent groups never deadlock on the registry.
  candidates.sort((a, b) => (a.project_id < b.project_id ? -1 : a.project_id > b.project_id ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const client = await db.$client.connect();
  let broken: Error | undefined;
  let fresh: Set<RequestRow>;
  try {
    await client.query("begin");
    const registered = await client.query<{ project_id: string; id: string }>(REGISTER, [
      JSON.stringify(candidates.map((r) => ({ project_id: r.project_id, id: r.id, start_time: r.start_time }))),
    ]);
    const isNew = new Set(registered.rows.map((r) => keyOf(r.project_id, r.id)));
    const newRows = candidates.filter((r) => isNew.has(keyOf(r.project_id, r.id)));
    // Bodies follow their rows' order, so the first body of a new id belongs to the winning row.
    const bodyTaken = new Set<string>();
    const newBodies = batches.flatMap((b) => b.bodies).filter((body) => {
      const key = keyOf(body.project_id, body.request_id);
      if (!isNew.has(key) || bodyTaken.has(key)) return false;
      bodyTaken.add(key);
      return true;
    });
    await copyRows(client, "requests", REQUEST_COLUMNS, newRows);
    await copyRows(client, "request_bodies", BODY_COLUMNS, newBodies);
    const deltas = rollupDeltas(newRows);
    await client.query(APPEND_DELTAS, TIERS.map((tier) => JSON.stringify(deltaRecords(tier.deltas(deltas)))));
    await sampleForReview(client, newRows);
    await client.query("commit");
    fresh = new Set(newRows);
  } catch (err) {
    broken = err as Error;
    await client.query("rollback").catch(() => undefined);
    throw err;
  } finally {
    // A client whose connection failed is destroyed rather than returned to the pool.
    client.release(broken && /terminat|ECONN|EPIPE/i.test(broken.message) ? broken : undefined);
  }
  return batches.map((b) => {
    const accepted = b.rows.filter((r) => fresh.has(r)).length;
    return { accepted, duplicates: b.rows.length - accepted };
  });
}
