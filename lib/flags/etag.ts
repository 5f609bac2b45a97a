import { createHash } from "node:crypto";

/** A strong ETag of exactly the JSON answered (OFREP bulk: depends on the context too). */
export function etagOfJson(json: string): string {
  return `"${createHash("sha256").update(json).digest("base64url").slice(0, 27)}"`;
}

/** If-None-Match holds this tag (weak or strong, in a list, or `*`): the client is current. */
export function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

/**
 * `If-Match: "<version>"` (the ETag a flag is answered with) → the version a change expects;
 * absent → undefined (last write wins). Anything else is refused rather than ignored.
 */
export function versionFromIfMatch(header: string | null): number | undefined | "invalid" {
  if (header === null || header.trim() === "" || header.trim() === "*") return undefined;
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  return m ? Number(m[1]) : "invalid";
}
