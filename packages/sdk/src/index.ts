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
export const SDK_VERSION = "0.1.0";
