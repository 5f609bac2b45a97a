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
export {
  Flag,
  FlagCondition,
  FlagEnvironment,
  FlagKey,
  FlagOperator,
  FlagRule,
  FlagServe,
  FlagSplit,
  FlagType,
  FlagValue,
  EnvironmentName,
  VariantName,
} from "./flags/schema.js";
export { compileFlag, type CompiledFlag, type EvaluationContext, type EvaluationErrorCode, type EvaluationReason, type EvaluationResult } from "./flags/compile.js";
export { evaluateFlag, type EvaluateOptions } from "./flags/evaluate.js";
export { bucketOf, murmur3_32 } from "./flags/murmur3.js";
export { Prompt, PromptCompileError, variablesOf, compileTemplate, type PromptData, type PromptFallback, type ChatMessage, type PromptBody, type Variables } from "./prompts.js";
export { PromptClient, PromptUnavailableError, type PromptClientOptions, type GetPromptOptions } from "./prompts-client.js";
export { FlagsClient, type FlagsOptions, type FlagsClientOptions, type FlagEvaluation, type FlagErrorCode, type FlagsStatus } from "./flags-client.js";
export type { FlagBootstrap, FlagConfig, FlagSource } from "./flags-config.js";
export { FlagExposures } from "./flags-exposures.js";
export * from "./reliable/index.js";
export { sendEscalation, type EscalationInput, type EscalationResult } from "./escalate.js";
export const SDK_VERSION = "0.1.0";
