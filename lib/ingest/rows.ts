import "server-only";
import type { ParsedEvent } from "@sextant/sdk";
import type { ValidEvent } from "./normalize";

/** A request row as `json_to_recordset` reads it (snake_case, bigints as strings). */
export type RequestRow = {
  project_id: string;
  start_time: string;
  id: string;
  end_time: string;
  duration_ms: number;
  time_to_first_token_ms: number | null;
  trace_id: string | null;
  parent_id: string | null;
  name: string | null;
  kind: string;
  provider: string | null;
  model: string | null;
  status: string;
  error_type: string | null;
  error_message: string | null;
  error_http_status: number | null;
  error_retryable: boolean | null;
  input_tokens: number | null;
  output_tokens: number | null;
  cached_input_tokens: number | null;
  reasoning_tokens: number | null;
  cost_nanos: string | null;
  cost_source: string;
  user_id: string | null;
  session_id: string | null;
  endpoint: string | null;
  release: string | null;
  environment: string;
  prompt_name: string | null;
  prompt_version: number | null;
  flags: Record<string, string> | null;
  attempts: number | null;
  fallback_from: string | null;
  cache_hit: boolean | null;
  tags: string[] | null;
  metadata: Record<string, string | number | boolean> | null;
  redactions: Record<string, number> | null;
};

export type BodyRow = { project_id: string; start_time: string; request_id: string; input: unknown; output: unknown };

export type Priced = { costNanos: bigint | null; costSource: string };

/** One event → its request row and (when it has any) its body row. */
export function toRows(projectId: string, v: ValidEvent, e: ParsedEvent, redactions: Record<string, number>, price: Priced): { row: RequestRow; body: BodyRow | null } {
  const start = new Date(v.startMs).toISOString();
  const u = e.usage;
  const row: RequestRow = {
    project_id: projectId,
    start_time: start,
    id: e.id,
    end_time: new Date(v.endMs).toISOString(),
    duration_ms: v.durationMs,
    time_to_first_token_ms: e.timeToFirstTokenMs ?? null,
    trace_id: e.traceId ?? null,
    parent_id: e.parentId ?? null,
    name: e.name ?? null,
    kind: e.kind,
    provider: e.provider ?? null,
    model: e.model ?? null,
    status: e.status,
    error_type: e.error?.type ?? (e.status === "error" ? "unknown" : null),
    error_message: e.error?.message ?? null,
    error_http_status: e.error?.httpStatus ?? null,
    error_retryable: e.error?.retryable ?? null,
    input_tokens: u?.inputTokens ?? null,
    output_tokens: u?.outputTokens ?? null,
    cached_input_tokens: u?.cachedInputTokens ?? null,
    reasoning_tokens: u?.reasoningTokens ?? null,
    cost_nanos: price.costNanos === null ? null : price.costNanos.toString(),
    cost_source: price.costSource,
    user_id: e.userId ?? null,
    session_id: e.sessionId ?? null,
    endpoint: e.endpoint ?? null,
    release: e.release ?? null,
    environment: e.environment,
    prompt_name: e.prompt?.name ?? null,
    prompt_version: e.prompt?.version ?? null,
    flags: e.flags && Object.keys(e.flags).length ? e.flags : null,
    attempts: e.attempts ?? null,
    fallback_from: e.fallbackFrom ?? null,
    cache_hit: e.cacheHit ?? null,
    tags: e.tags?.length ? e.tags : null,
    metadata: e.metadata && Object.keys(e.metadata).length ? e.metadata : null,
    redactions: Object.keys(redactions).length ? redactions : null,
  };
  const hasBody = e.input !== undefined || e.output !== undefined;
  const body = hasBody ? { project_id: projectId, start_time: start, request_id: e.id, input: e.input ?? null, output: e.output ?? null } : null;
  return { row, body };
}
