import "server-only";
import { createHash } from "node:crypto";
import { NextResponse } from "next/server";

/** A strong ETag of the exact JSON answered, so it changes whenever any field (labels too) does. */
export function etagOf(json: string): string {
  return `"${createHash("sha256").update(json).digest("base64url").slice(0, 27)}"`;
}

function matches(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

/** 200 with the body and its ETag, or 304 without a body when the client already holds it (If-None-Match). */
export function jsonWithEtag(req: Request, body: unknown): Response {
  const json = JSON.stringify(body);
  const etag = etagOf(json);
  const headers = { ETag: etag, "Cache-Control": "private, no-cache" };
  if (matches(req.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new NextResponse(json, { status: 200, headers: { ...headers, "content-type": "application/json" } });
}
