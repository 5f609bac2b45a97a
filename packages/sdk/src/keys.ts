/**
 * API key formats. Public keys (`pk-…`) only read client configuration (flags,
 * prompts); secret keys (`sk-…`) do everything in their project.
 */
export type KeyKind = "public" | "secret";

const KEY_PATTERN = /^(pk|sk)-[A-Za-z0-9_-]{16,200}$/;

/** The kind of a well-formed key, or null when the string is not a Sextant key. */
export function keyKind(key: string): KeyKind | null {
  const match = KEY_PATTERN.exec(key);
  if (!match) return null;
  return match[1] === "pk" ? "public" : "secret";
}

/** The value for an `Authorization` header carrying this key. */
export function bearer(key: string): string {
  return `Bearer ${key}`;
}
