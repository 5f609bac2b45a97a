import "server-only";
import { Event, toEpochMs, type ParsedEvent, type Rejection } from "@sextant/sdk";
import type { z } from "zod";
import { hasUnstorableText } from "@/lib/http/body";

/** How far from now an event may claim to have started. */
export const MAX_FUTURE_MS = 86_400_000;
export const MAX_AGE_MS = 366 * 86_400_000;
/** An event that passed validation, with times resolved; ready for redaction and pricing. */
export type ValidEvent = { index: number; event: ParsedEvent; startMs: number; endMs: number; durationMs: number };

function firstIssue(error: z.ZodError): { path: string; message: string } {
  const issue = error.issues[0];
  return { path: issue?.path.join(".") || "(event)", message: issue?.message ?? "Invalid event." };
}

function idOf(raw: unknown): string | null {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id.slice(0, 128) : null;
}

/** Validates each event on its own: the valid ones go on, the others become rejections with their index. */
export function validateEvents(raw: unknown[], opts: { checkText?: boolean; now?: number } = {}): { valid: ValidEvent[]; rejected: Rejection[] } {
  const now = opts.now ?? Date.now();
  const checkText = opts.checkText ?? true;
  const valid: ValidEvent[] = [];
  const rejected: Rejection[] = [];
  raw.forEach((item, index) => {
    const parsed = Event.safeParse(item);
    if (!parsed.success) {
      rejected.push({ index, id: idOf(item), error: { code: "INVALID_EVENT", ...firstIssue(parsed.error) } });
      return;
    }
    const event = parsed.data;
    const startMs = toEpochMs(event.startTime);
    const endMs = event.endTime !== undefined ? toEpochMs(event.endTime) : startMs + event.durationMs!;
    const reject = (path: string, message: string) => rejected.push({ index, id: event.id, error: { code: "INVALID_EVENT", path, message } });
    if (endMs < startMs) return reject("endTime", "endTime is before startTime.");
    if (startMs > now + MAX_FUTURE_MS) return reject("startTime", "startTime is more than a day in the future; check the client's clock.");
    if (startMs < now - MAX_AGE_MS) return reject("startTime", "startTime is more than a year in the past.");
    // Refused here rather than failing the whole group commit later. The route skips
    // this per-event check when the raw body has no such escape at all.
    const unstorable = checkText ? hasUnstorableText(JSON.stringify(event)) : null;
    if (unstorable === "nul") return reject("(event)", "Strings may not contain the NUL character (\\u0000).");
    if (unstorable === "surrogate") return reject("(event)", "Strings may not contain unpaired UTF-16 surrogates.");
    const usage = event.usage;
    if (usage && (usage.cachedInputTokens ?? 0) > (usage.inputTokens ?? Infinity)) {
      return reject("usage.cachedInputTokens", "cachedInputTokens cannot exceed inputTokens (inputTokens includes the cached ones).");
    }
    if (usage && (usage.reasoningTokens ?? 0) > (usage.outputTokens ?? Infinity)) {
      return reject("usage.reasoningTokens", "reasoningTokens cannot exceed outputTokens (outputTokens includes the reasoning ones).");
    }
    valid.push({ index, event, startMs, endMs, durationMs: event.durationMs ?? endMs - startMs });
  });
  return { valid, rejected };
}
