import "server-only";
import { murmur3_32 } from "@sextant/sdk";
import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type pg from "pg";
import type { Tx } from "@/db/client";
import type { SamplingRule } from "@/db/schema/review";
import type { RequestRow } from "@/lib/ingest/rows";
import { SamplingFilter } from "./schemas";

/**
 * Sampling of requests into review queues (ADR 0010). Ingestion calls
 * `sampleForReview` once per group commit with the rows that are new; feedback calls
 * `sampleOnFeedback` when negative user feedback arrives. A request is in or out of a
 * rule's sample by `fmix32(murmur3(requestId) ^ murmur3(queueId)) mod 10000 < rate × 100`,
 * so the same request always gets the same answer (re-sends, other instances, replays),
 * queues sample independently, and the request id is hashed once however many rules match.
 */

/** The request fields a filter reads; ingest's RequestRow has them all. */
export type SampledRequest = Pick<
  RequestRow,
  "project_id" | "id" | "kind" | "trace_id" | "model" | "provider" | "endpoint" | "user_id" | "session_id" | "environment" | "status" | "error_type" | "prompt_name" | "prompt_version" | "tags" | "metadata" | "flags"
>;
export type CompiledRule = { queueId: string; seed: number; threshold: number; onFeedback: boolean; test: (r: SampledRequest) => boolean };
export type ItemPick = { project_id: string; queue_id: string; request_id: string; trace_id: string | null; source: "sampling" | "feedback" };

/** How long a project's rules are used before they are read again (changes made on this instance apply at once). */
export const RULES_TTL_MS = 10_000;
const MAX_PROJECTS = 10_000;

type Cache = { rules: Map<string, { rules: CompiledRule[]; expires: number }>; generation: number };
// On globalThis: Next.js bundles routes and server actions separately, and a queue changed
// through the console must evict the entry the ingest route reads.
const shared = globalThis as typeof globalThis & { __sextantSamplingRules?: Cache };
const cache = (shared.__sextantSamplingRules ??= { rules: new Map(), generation: 0 });

/** Called after a queue change commits. */
export function forgetSamplingRules(projectId: string): void {
  cache.generation += 1;
  cache.rules.delete(projectId);
}

/** murmur3's finalizer: spreads the XOR of two hashes over all 32 bits again. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The request's bucket (0–9999) for a rule's queue; `requestHash` is murmur3_32(requestId). */
export function bucketFor(requestHash: number, seed: number): number {
  return fmix32(requestHash ^ seed) % 10_000;
}

/** True when the request falls in a rule's sample: 10000 buckets, so rates have two decimals. */
export function inSample(rule: Pick<CompiledRule, "seed" | "threshold">, requestHash: number): boolean {
  if (rule.threshold <= 0) return false;
  return rule.threshold >= 10_000 || bucketFor(requestHash, rule.seed) < rule.threshold;
}

/** A stored rule → a test of a request; every given field must match (tags: all present; metadata compared as text). */
export function compileRule(queueId: string, rule: SamplingRule): CompiledRule {
  const parsed = SamplingFilter.safeParse(rule.filter ?? {});
  const threshold = Math.round(Number(rule.rate) * 100);
  const seed = murmur3_32(queueId);
  if (!parsed.success) return { queueId, seed, threshold: 0, onFeedback: false, test: () => false };
  const f = parsed.data;
  const checks: ((r: SampledRequest) => boolean)[] = [];
  const equal = <K extends keyof SampledRequest>(key: K, value: SampledRequest[K] | undefined) => {
    if (value !== undefined) checks.push((r) => r[key] === value);
  };
  equal("model", f.model);
  equal("provider", f.provider);
  equal("endpoint", f.endpoint);
  equal("user_id", f.userId);
  equal("session_id", f.sessionId);
  equal("environment", f.environment);
  equal("status", f.status);
  equal("error_type", f.errorType);
  equal("prompt_name", f.promptName);
  equal("prompt_version", f.promptVersion);
  for (const tag of f.tags ?? []) checks.push((r) => r.tags !== null && r.tags.includes(tag));
  for (const [key, value] of Object.entries(f.metadata ?? {})) {
    checks.push((r) => r.metadata !== null && r.metadata[key] !== undefined && r.metadata[key] !== null && String(r.metadata[key]) === value);
  }
  for (const [key, variant] of Object.entries(f.flags ?? {})) checks.push((r) => r.flags !== null && r.flags[key] === variant);
  const test = (r: SampledRequest) => {
    for (const check of checks) if (!check(r)) return false;
    return true;
  };
  return { queueId, seed, threshold, onFeedback: f.feedback === "negative", test };
}

/** The items a set of requests adds: pure, the per-event cost of sampling (measured in sampling.test.ts). */
export function pickForReview(rulesOf: (projectId: string) => CompiledRule[], rows: SampledRequest[], source: ItemPick["source"]): ItemPick[] {
  const picks: ItemPick[] = [];
  const feedback = source === "feedback";
  for (const row of rows) {
    // People review model calls (input and answer), not the spans, tools and retrievals around them.
    if (row.kind !== "llm") continue;
    const rules = rulesOf(row.project_id);
    let hash = -1; // computed once, and only when a rule's filter matches
    for (const rule of rules) {
      if (rule.onFeedback !== feedback || rule.threshold <= 0 || !rule.test(row)) continue;
      if (hash < 0) hash = murmur3_32(row.id);
      if (!inSample(rule, hash)) continue;
      picks.push({ project_id: row.project_id, queue_id: rule.queueId, request_id: row.id, trace_id: row.trace_id, source });
    }
  }
  // One lock order for every writer: concurrent transactions never deadlock on the unique key.
  return picks.sort((a, b) => cmp(a.project_id, b.project_id) || cmp(a.queue_id, b.queue_id) || cmp(a.request_id, b.request_id));
}
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const dialect = new PgDialect();
const rulesSql = (projectIds: string[]): SQL => sql`
  select project_id, id, sampling_rules from review_queues
  where project_id = any(${sql.param(projectIds)}::uuid[]) and sampling_rules <> '[]'::jsonb`;
// The queue may have been deleted since its rules were cached: only existing queues get items.
const insertSql = (picks: ItemPick[]): SQL => sql`
  insert into review_items (project_id, queue_id, request_id, trace_id, source)
  select x.project_id, x.queue_id, x.request_id, x.trace_id, x.source
  from json_to_recordset(${JSON.stringify(picks)}::json) as x(project_id uuid, queue_id uuid, request_id text, trace_id text, source text)
  where exists (select 1 from review_queues q where q.project_id = x.project_id and q.id = x.queue_id)
  on conflict do nothing`;

type Run = (query: SQL) => Promise<Record<string, unknown>[]>;
const onClient = (client: pg.PoolClient): Run => async (query) => {
  const q = dialect.sqlToQuery(query);
  return (await client.query(q.sql, q.params)).rows as Record<string, unknown>[];
};
const onTx = (tx: Tx): Run => async (query) => (await tx.execute<Record<string, unknown>>(query)).rows;

/** Rules of the given projects, from the cache when fresh; one query for all the missing ones. */
async function rulesFor(run: Run, projectIds: string[], now = Date.now()): Promise<(projectId: string) => CompiledRule[]> {
  const missing = projectIds.filter((p) => (cache.rules.get(p)?.expires ?? 0) <= now);
  const loaded = new Map<string, CompiledRule[]>();
  if (missing.length) {
    const generation = cache.generation;
    for (const p of missing) loaded.set(p, []);
    for (const row of await run(rulesSql(missing))) {
      const rules = (row.sampling_rules as SamplingRule[]).map((r) => compileRule(row.id as string, r));
      loaded.get(row.project_id as string)!.push(...rules);
    }
    // A queue change while we read: keep the answer for this batch but do not cache it.
    if (generation === cache.generation) {
      if (cache.rules.size + missing.length > MAX_PROJECTS) cache.rules.clear();
      for (const [p, rules] of loaded) cache.rules.set(p, { rules, expires: now + RULES_TTL_MS });
    }
  }
  return (p) => loaded.get(p) ?? cache.rules.get(p)?.rules ?? [];
}

/**
 * The ingest hook: inside the group-commit transaction, after the new rows are
 * known. Costs one Map lookup per project when no queue samples it.
 */
export async function sampleForReview(client: pg.PoolClient, newRows: RequestRow[]): Promise<void> {
  if (newRows.length === 0) return;
  const projects: string[] = [];
  let last = "";
  for (const r of newRows) {
    if (r.project_id === last) continue;
    last = r.project_id;
    if (!projects.includes(last)) projects.push(last);
  }
  const run = onClient(client);
  const rulesOf = await rulesFor(run, projects);
  if (projects.every((p) => rulesOf(p).length === 0)) return;
  const picks = pickForReview(rulesOf, newRows, "sampling");
  if (picks.length) await run(insertSql(picks));
}

export type FeedbackScore = { request_id: string | null; value_number: number | null; data_type: string; source: string };
/** User feedback that counts as negative: `false`, or a number ≤ 0 (thumbs down, -1 …). */
export const isNegativeFeedback = (s: FeedbackScore) => s.source === "user" && s.request_id !== null && s.value_number !== null && s.value_number <= 0 && s.data_type !== "categorical";

/** The feedback hook (lib/scores): requests with new negative user feedback go to queues whose rule says `feedback: "negative"`. */
export async function sampleOnFeedback(tx: Tx, projectId: string, scores: FeedbackScore[]): Promise<void> {
  const ids = [...new Set(scores.filter(isNegativeFeedback).map((s) => s.request_id!))];
  if (ids.length === 0) return;
  const run = onTx(tx);
  const rulesOf = await rulesFor(run, [projectId]);
  if (!rulesOf(projectId).some((r) => r.onFeedback)) return;
  const rows = (await run(sql`
    select r.project_id::text as project_id, r.id, r.kind, r.trace_id, r.model, r.provider, r.endpoint, r.user_id, r.session_id, r.environment, r.status,
           r.error_type, r.prompt_name, r.prompt_version, r.tags, r.metadata, r.flags
    from request_ids i join requests r on r.project_id = i.project_id and r.start_time = i.start_time and r.id = i.id
    where i.project_id = ${projectId} and i.id = any(${sql.param(ids)}::text[])`)) as SampledRequest[];
  const picks = pickForReview(rulesOf, rows, "feedback");
  if (picks.length) await run(insertSql(picks));
}
