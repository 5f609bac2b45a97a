import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** A random URL-safe token with the given bytes of entropy. */
export function randomToken(bytes: number): string {
  return randomBytes(bytes).toString("base64url");
}

/** Tokens and secret keys carry ≥128 random bits, so one SHA-256 is enough to store them. */
export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
