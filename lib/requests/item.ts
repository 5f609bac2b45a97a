import "server-only";
import type { requests } from "@/db/schema";
import { nanosToNumber } from "@/lib/cost/money";

type RequestRecord = typeof requests.$inferSelect;

/** A stored request as the API answers it: camelCase, without bodies, money in USD (null = unpriced). */
export type RequestItem = {
  id: string;
  traceId: string | null;
  parentId: string | null;
  name: string | null;
  kind: string;
  startTime: string;
  endTime: string;
  durationMs: number;
  timeToFirstTokenMs: number | null;
  provider: string | null;
  model: string | null;
  status: string;
  error: { type: string | null; message: string | null; httpStatus: number | null; retryable: boolean | null } | null;
  usage: { inputTokens: number | null; outputTokens: number | null; cachedInputTokens: number | null; reasoningTokens: number | null };
  costUsd: number | null;
  costSource: string;
  userId: string | null;
  sessionId: string | null;
  endpoint: string | null;
  release: string | null;
  environment: string;
  prompt: { name: string; version: number } | null;
  flags: Record<string, string>;
  attempts: number | null;
  fallbackFrom: string | null;
  cacheHit: boolean | null;
  tags: string[];
  metadata: Record<string, string | number | boolean>;
  redactions: Record<string, number>;
};

/** The columns of a list item: every request column except the ingest bookkeeping. */
export function toItem(r: RequestRecord): RequestItem {
  const hasError = r.status === "error" || r.errorType !== null || r.errorMessage !== null;
  return {
    id: r.id,
    traceId: r.traceId,
    parentId: r.parentId,
    name: r.name,
    kind: r.kind,
    startTime: r.startTime.toISOString(),
    endTime: r.endTime.toISOString(),
    durationMs: r.durationMs,
    timeToFirstTokenMs: r.timeToFirstTokenMs,
    provider: r.provider,
    model: r.model,
    status: r.status,
    error: hasError ? { type: r.errorType, message: r.errorMessage, httpStatus: r.errorHttpStatus, retryable: r.errorRetryable } : null,
    usage: { inputTokens: r.inputTokens, outputTokens: r.outputTokens, cachedInputTokens: r.cachedInputTokens, reasoningTokens: r.reasoningTokens },
    costUsd: r.costNanos === null ? null : nanosToNumber(r.costNanos),
    costSource: r.costSource,
    userId: r.userId,
    sessionId: r.sessionId,
    endpoint: r.endpoint,
    release: r.release,
    environment: r.environment,
    prompt: r.promptName !== null && r.promptVersion !== null ? { name: r.promptName, version: r.promptVersion } : null,
    flags: r.flags ?? {},
    attempts: r.attempts,
    fallbackFrom: r.fallbackFrom,
    cacheHit: r.cacheHit,
    tags: r.tags ?? [],
    metadata: r.metadata ?? {},
    redactions: r.redactions ?? {},
  };
}
