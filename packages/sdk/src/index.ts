export { ErrorCode, ErrorEnvelope, errorStatus, isRetryableStatus } from "./errors.js";
export { keyKind, bearer, type KeyKind } from "./keys.js";
export {
  Event,
  EventError,
  EventKind,
  IngestBody,
  IngestResponse,
  Metadata,
  Rejection,
  Score,
  ScoresBody,
  Timestamp,
  Usage,
  toEpochMs,
  type ParsedEvent,
  type ParsedScore,
} from "./events.js";
export { Exporter, retryAfterMs, type Clock, type ExporterOptions, type ExporterStats } from "./exporter.js";
export { Sextant, type ObserveOptions, type ScoreInput } from "./sextant.js";
export type { SextantOptions } from "./config.js";
export type { SextantStats } from "./recorder.js";
export type { Attrs } from "./attrs.js";
export { Span, type SpanFields } from "./span.js";
export { Generation, type GenerationFields } from "./generation.js";
export { classifyError, type ClassifiedError, type ErrorClass } from "./classify.js";
export const SDK_VERSION = "0.1.0";
