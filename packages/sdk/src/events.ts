import { z } from "zod";

/**
 * The ingestion wire contract: what `POST /api/v1/ingest` accepts. The server
 * imports these schemas; the SDK builds events that satisfy them.
 */

const MAX_EPOCH_MS = 253_402_300_799_999; // 9999-12-31

/** RFC 3339 with a zone, or epoch milliseconds. */
export const Timestamp = z.union([
  z.iso.datetime({ offset: true, error: "Use an RFC 3339 time with a zone, e.g. 2026-11-26T10:00:00Z, or epoch milliseconds." }),
  z.number().nonnegative().max(MAX_EPOCH_MS).finite(),
]);
export type Timestamp = z.infer<typeof Timestamp>;

const Text = (max: number) => z.string().max(max);
const Count = z.number().int().nonnegative().max(1e12);

export const EventKind = z.enum(["llm", "span", "tool", "retrieval", "embedding", "event"]);
export type EventKind = z.infer<typeof EventKind>;

export const EventError = z.object({
  type: Text(128).optional(),
  message: Text(10_000).optional(),
  httpStatus: z.number().int().min(100).max(599).optional(),
  retryable: z.boolean().optional(),
});

export const Usage = z.object({
  inputTokens: Count.optional(),
  outputTokens: Count.optional(),
  cachedInputTokens: Count.optional(),
  reasoningTokens: Count.optional(),
});
export type Usage = z.infer<typeof Usage>;

export const MetadataValue = z.union([Text(2_000), z.number().finite(), z.boolean()]);
export const Metadata = z
  .record(Text(128).min(1), MetadataValue)
  .refine((m) => Object.keys(m).length <= 50, "At most 50 metadata keys.");

export const Event = z
  .object({
    id: z.string().min(1).max(128),
    traceId: Text(128).min(1).optional(),
    parentId: Text(128).min(1).optional(),
    name: Text(256).optional(),
    kind: EventKind.default("llm"),
    startTime: Timestamp,
    endTime: Timestamp.optional(),
    durationMs: z.number().nonnegative().max(86_400_000 * 7).finite().optional(),
    timeToFirstTokenMs: z.number().nonnegative().max(86_400_000).finite().optional(),
    provider: Text(64).optional(),
    model: Text(128).optional(),
    status: z.enum(["ok", "error"]).default("ok"),
    error: EventError.optional(),
    usage: Usage.optional(),
    costUsd: z.number().nonnegative().max(1e6).finite().optional(),
    // Any JSON value. Not z.json(): a parsed body is JSON by construction, and walking
    // every nested message again costs more than the rest of the validation.
    input: z.unknown().optional(),
    output: z.unknown().optional(),
    userId: Text(256).optional(),
    sessionId: Text(256).optional(),
    endpoint: Text(256).optional(),
    release: Text(128).optional(),
    environment: Text(64).min(1).default("production"),
    prompt: z.object({ name: Text(256).min(1), version: z.number().int().min(1).max(1e9) }).optional(),
    flags: z.record(Text(128).min(1), Text(128)).refine((f) => Object.keys(f).length <= 50, "At most 50 flags.").optional(),
    attempts: z.number().int().min(1).max(1000).optional(),
    fallbackFrom: Text(128).optional(),
    cacheHit: z.boolean().optional(),
    tags: z.array(Text(128).min(1)).max(50).optional(),
    metadata: Metadata.optional(),
  })
  .refine((e) => e.endTime !== undefined || e.durationMs !== undefined, {
    message: "Give endTime or durationMs.",
    path: ["endTime"],
  });
export type Event = z.input<typeof Event>;
export type ParsedEvent = z.output<typeof Event>;

/** The envelope is checked first; each event is then checked on its own so one bad event does not sink a batch. */
export const IngestBody = z.object({ events: z.array(z.unknown()).min(1, "Send at least one event.").max(1000, "Send at most 1000 events per batch.") });

export const Rejection = z.object({
  index: z.number().int(),
  id: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string(), path: z.string() }),
});
export type Rejection = z.infer<typeof Rejection>;

export const IngestResponse = z.object({ accepted: z.number().int(), duplicates: z.number().int(), rejected: z.array(Rejection) });
export type IngestResponse = z.infer<typeof IngestResponse>;

export const Score = z
  .object({
    id: z.string().min(1).max(128).optional(),
    requestId: z.string().min(1).max(128).optional(),
    traceId: z.string().min(1).max(128).optional(),
    name: z.string().min(1).max(128),
    value: z.union([z.number().finite(), z.boolean(), Text(2_000)]),
    source: z.enum(["user", "eval", "human", "api"]).default("api"),
    comment: Text(5_000).optional(),
  })
  .refine((s) => s.requestId !== undefined || s.traceId !== undefined, { message: "Give requestId or traceId.", path: ["requestId"] });
export type Score = z.input<typeof Score>;
export type ParsedScore = z.output<typeof Score>;

export const ScoresBody = z.object({ scores: z.array(z.unknown()).min(1, "Send at least one score.").max(1000, "Send at most 1000 scores per batch.") });

/** Epoch milliseconds of a wire timestamp. */
export function toEpochMs(t: Timestamp): number {
  return typeof t === "number" ? t : Date.parse(t);
}
