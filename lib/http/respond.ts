import "server-only";
import { NextResponse } from "next/server";
import { AppError, isConnectionError } from "./errors";

export function errorResponse(err: unknown, context: string): NextResponse {
  if (err instanceof AppError) {
    const headers: Record<string, string> = {};
    if (err.retryAfterSeconds !== undefined) headers["Retry-After"] = String(err.retryAfterSeconds);
    if (err.code === "UNAUTHORIZED") headers["WWW-Authenticate"] = 'Bearer realm="sextant"';
    const body = { error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) } };
    return NextResponse.json(body, { status: err.status, headers });
  }
  if (isConnectionError(err)) {
    return NextResponse.json(
      { error: { code: "UNAVAILABLE", message: "The database is not answering. Retry after the given delay." } },
      { status: 503, headers: { "Retry-After": "5" } },
    );
  }
  // Unknown failures are logged with context; the client never sees the details.
  console.error(`[api] ${context} failed:`, err);
  return NextResponse.json(
    { error: { code: "INTERNAL", message: "Something went wrong on our side. Try again; if it persists, check the server log." } },
    { status: 500 },
  );
}
