import { EnvironmentName, type EvaluationContext, type EvaluationErrorCode, type EvaluationResult, type FlagValue } from "@sextant/sdk";

/** OFREP's answers (open-feature/protocol, service/openapi.yaml). */
export type OfrepSuccess = { key: string; value: FlagValue; variant: string; reason: string; metadata: Record<string, string | number | boolean> };
export type OfrepFailure = { key?: string; errorCode: EvaluationErrorCode; errorDetails: string };
export type OfrepAnswer = { status: number; body: OfrepSuccess | OfrepFailure | { flags: (OfrepSuccess | OfrepFailure)[] } };

export const DEFAULT_ENVIRONMENT = "production";

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * `{"context": {...}}` → the context and the environment it names (`environment`, default
 * production). `context` may be left out (an empty context); anything else is INVALID_CONTEXT.
 */
export function readOfrepContext(body: unknown): { context: EvaluationContext; environment: string } | OfrepFailure {
  const invalid = (errorDetails: string): OfrepFailure => ({ errorCode: "INVALID_CONTEXT", errorDetails });
  if (!isObject(body)) return invalid('The body must be a JSON object: {"context": {"targetingKey": "…", …}}.');
  const context = body.context ?? {};
  if (!isObject(context)) return invalid("context must be an object of attributes.");
  const environment = Object.hasOwn(context, "environment") ? context.environment : DEFAULT_ENVIRONMENT;
  if (!EnvironmentName.safeParse(environment).success) return invalid("context.environment must be an environment name such as production (letters, digits, '.', '_', '-').");
  return { context: context as EvaluationContext, environment: environment as string };
}

/** One evaluation result in OFREP's words; metadata says which environment and rule answered. */
export function toOfrep(key: string, result: EvaluationResult, environment: string): OfrepSuccess | OfrepFailure {
  if (result.reason === "ERROR" || result.variant === undefined) {
    return { key, errorCode: result.errorCode ?? "GENERAL", errorDetails: result.errorMessage ?? "The flag could not be evaluated." };
  }
  const metadata: OfrepSuccess["metadata"] = { environment };
  if (result.ruleIndex !== undefined) metadata.ruleIndex = result.ruleIndex;
  if (result.ruleId !== undefined) metadata.ruleId = result.ruleId;
  return { key, value: result.value, variant: result.variant, reason: result.reason, metadata };
}

/** Single evaluation statuses: 200, 404 for FLAG_NOT_FOUND, 400 for every other error. */
export function ofrepStatus(answer: OfrepSuccess | OfrepFailure): number {
  if (!("errorCode" in answer)) return 200;
  return answer.errorCode === "FLAG_NOT_FOUND" ? 404 : 400;
}
