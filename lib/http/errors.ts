import "server-only";
import { errorStatus, type ErrorCode } from "@sextant/sdk";
import type { ZodError } from "zod";

export type Issue = { path: string; message: string };

/** The one error type verbs throw; its code decides the HTTP status. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Issue[],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} was not found.`);
export const forbidden = (message = "Your role does not allow this.") => new AppError("FORBIDDEN", message);
export const conflict = (message: string) => new AppError("CONFLICT", message);
export const unauthorized = (message = "Sign in or send a valid API key.") => new AppError("UNAUTHORIZED", message);

export function fromZod(error: ZodError, message = "Some fields are invalid."): AppError {
  const issues = error.issues.map((i) => ({ path: i.path.join(".") || "(body)", message: i.message }));
  const first = issues[0];
  const detail = first ? ` ${first.path}: ${first.message}` : "";
  return new AppError("UNPROCESSABLE_ENTITY", `${message}${detail}`, issues);
}

/** True for a Postgres unique-violation, so verbs can answer 409 instead of 500. */
export function isUniqueViolation(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && depth < 3; depth++) {
    if ((e as { code?: string }).code === "23505") return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** True when the database cannot be reached (as opposed to a bug in our SQL): answered 503, not 500. */
export function isConnectionError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 3; depth++, e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: string }).code ?? "";
    const message = e instanceof Error ? e.message : "";
    if (["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006"].includes(code)) return true;
    if (/Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message)) return true;
  }
  return false;
}
