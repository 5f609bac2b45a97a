import "server-only";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { deltaRecords, rollupDeltas } from "./rollup";
import type { BodyRow, RequestRow } from "./rows";

/** One HTTP request's worth of prepared rows, waiting in the group commit. */
export type PreparedBatch = { rows: RequestRow[]; bodies: BodyRow[] };
export type BatchResult = { accepted: number; duplicates: number };

const REQUEST_COLUMNS: [string, string][] = [
  ["project_id", "uuid"], ["start_time", "timestamptz"], ["id", "text"], ["end_time", "timestamptz"], ["duration_ms", "float8"],
  ["time_to_first_token_ms", "float8"], ["trace_id", "text"], ["parent_id", "text"], ["name", "text"], ["kind", "text"],
  ["provider", "text"], ["model", "text"], ["status", "text"], ["error_type", "text"], ["error_message", "text"],
  ["error_http_status", "int"], ["error_retryable", "bool"], ["input_tokens", "int8"], ["output_tokens", "int8"],
  ["cached_input_tokens", "int8"], ["reasoning_tokens", "int8"], ["cost_nanos", "int8"], ["cost_source", "text"],
  ["user_id", "text"], ["session_id", "text"], ["endpoint", "text"], ["release", "text"], ["environment", "text"],
  ["prompt_name", "text"], ["prompt_version", "int"], ["flags", "jsonb"], ["attempts", "int"], ["fallback_from", "text"],
  ["cache_hit", "bool"], ["tags", "text[]"], ["metadata", "jsonb"], ["redactions", "jsonb"],
];
const BODY_COLUMNS: [string, string][] = [["project_id", "uuid"], ["start_time", "timestamptz"], ["request_id", "text"], ["input", "jsonb"], ["output", "jsonb"]];
const MEASURE_COLUMNS: [string, string][] = [
  ["requests", "int8"], ["errors", "int8"], ["input_tokens", "int8"], ["output_tokens", "int8"], ["cached_input_tokens", "int8"],
  ["reasoning_tokens", "int8"], ["cost_nanos", "int8"], ["unpriced", "int8"], ["duration_sum_ms", "float8"], ["ttft_sum_ms", "float8"],
  ["ttft_count", "int8"], ["retried", "int8"], ["fallbacks", "int8"], ["cache_hits", "int8"], ["latency_hist", "jsonb"],
];

function recordset(columns: [string, string][]): string {
  return columns.map(([name, type]) => `${name} ${type}`).join(", ");
}
const names = (columns: [string, string][]) => columns.map(([n]) => n).join(", ");

async function upsertRollup(tx: Tx, table: string, keyColumns: [string, string][], records: unknown[]): Promise<void> {
  if (records.length === 0) return;
  const columns = [...keyColumns, ...MEASURE_COLUMNS];
  const updates = MEASURE_COLUMNS.map(([n]) =>
    n === "latency_hist" ? `latency_hist = sx_hist_merge(${table}.latency_hist, excluded.latency_hist)` : `${n} = ${table}.${n} + excluded.${n}`,
  ).join(", ");
  const text =
    `insert into ${table} (${names(columns)}) select ${names(columns)} from json_to_recordset(` +
    "$1::json" +
    `) as x(${recordset(columns)}) on conflict (${names(keyColumns)}) do update set ${updates}`;
  await runJson(tx, text, records);
}

/** Bulk statements take one JSON parameter: one round trip, parsed in C by the server. */
async function runJson(tx: Tx, text: string, rows: unknown[]): Promise<{ rows: Record<string, unknown>[] }> {
  const [before, after] = text.split("$1");
  return tx.execute(sql`${sql.raw(before!)}${JSON.stringify(rows)}${sql.raw(after!)}`) as unknown as Promise<{ rows: Record<string, unknown>[] }>;
}

const MAIN_KEYS: [string, string][] = [
  ["project_id", "uuid"], ["bucket", "timestamptz"], ["model", "text"], ["provider", "text"], ["endpoint", "text"], ["environment", "text"],
  ["status", "text"], ["error_type", "text"], ["prompt_name", "text"], ["prompt_version", "int"],
];
const USER_KEYS: [string, string][] = [["project_id", "uuid"], ["bucket", "timestamptz"], ["user_id", "text"], ["environment", "text"]];
const FLAG_KEYS: [string, string][] = [["project_id", "uuid"], ["bucket", "timestamptz"], ["flag_key", "text"], ["variant", "text"], ["environment", "text"]];

/**
 * Writes several batches in one transaction (the group commit). The idempotency
 * registry decides which events are new; only those reach `requests`, the bodies
 * and the rollups, so a re-sent event is counted once however often it comes.
 */
export async function writeGroup(db: Db, batches: PreparedBatch[]): Promise<BatchResult[]> {
  // First occurrence of a (project, id) in the group wins; later ones are duplicates.
  const seen = new Set<string>();
  const candidates: RequestRow[] = [];
  for (const b of batches) {
    for (const r of b.rows) {
      const key = `${r.project_id}\u0000${r.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push(r);
    }
  }
  // One lock order for every writer: concurrent groups never deadlock on the registry.
  candidates.sort((a, b) => (a.project_id < b.project_id ? -1 : a.project_id > b.project_id ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const fresh = await db.transaction(async (tx) => {
    const registered = await runJson(
      tx,
      "insert into request_ids (project_id, id, start_time) select project_id, id, start_time from json_to_recordset($1::json) as x(project_id uuid, id text, start_time timestamptz) on conflict do nothing returning project_id, id",
      candidates.map((r) => ({ project_id: r.project_id, id: r.id, start_time: r.start_time })),
    );
    const isNew = new Set(registered.rows.map((r) => `${r.project_id}\u0000${r.id}`));
    const newRows = candidates.filter((r) => isNew.has(`${r.project_id}\u0000${r.id}`));
    // Bodies follow their rows' order, so the first body of a new id belongs to the winning row.
    const bodyTaken = new Set<string>();
    const newBodies = batches.flatMap((b) => b.bodies).filter((body) => {
      const key = `${body.project_id}\u0000${body.request_id}`;
      if (!isNew.has(key) || bodyTaken.has(key)) return false;
      bodyTaken.add(key);
      return true;
    });
    await runJson(tx, `insert into requests (${names(REQUEST_COLUMNS)}) select ${names(REQUEST_COLUMNS)} from json_to_recordset($1::json) as x(${recordset(REQUEST_COLUMNS)})`, newRows);
    if (newBodies.length) {
      await runJson(tx, `insert into request_bodies (${names(BODY_COLUMNS)}) select ${names(BODY_COLUMNS)} from json_to_recordset($1::json) as x(${recordset(BODY_COLUMNS)})`, newBodies);
    }
    const deltas = rollupDeltas(newRows);
    await upsertRollup(tx, "rollups_minute", MAIN_KEYS, deltaRecords(deltas.main));
    await upsertRollup(tx, "rollups_user_minute", USER_KEYS, deltaRecords(deltas.users));
    await upsertRollup(tx, "rollups_flag_minute", FLAG_KEYS, deltaRecords(deltas.flags));
    return new Set(newRows);
  });
  return batches.map((b) => {
    const accepted = b.rows.filter((r) => fresh.has(r)).length;
    return { accepted, duplicates: b.rows.length - accepted };
  });
}

