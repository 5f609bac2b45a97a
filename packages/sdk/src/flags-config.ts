import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { compileFlag, type CompiledFlag } from "./flags/compile.js";
import { Flag } from "./flags/schema.js";
import type { Limits } from "./reliable/budget.js";

/** What `GET /api/v1/flags/config` answers; `limits` (budgets, per-user limits, prices) only to the secret key, when the console has any. */
export type FlagConfig = { revision: number; environment: string | null; flags: Flag[]; limits?: Limits };

/** `bootstrap`: a config as the server answers it, or just the definitions. */
export type FlagBootstrap = { revision?: number; flags: unknown[] } | unknown[];

/** Where the flags being served came from. */
export type FlagSource = "server" | "file" | "bootstrap";

/** Compiled flags of one config: what evaluations read (replaced whole, never changed). */
export type FlagSnapshot = {
  revision: number;
  etag: string | null;
  source: FlagSource;
  flags: ReadonlyMap<string, CompiledFlag>;
  /** The definitions as received, for the persisted file. */
  raw: unknown[];
  /** Budgets and per-user limits from the console (Settings → Budgets), for `reliable(…, { budget: true })`. */
  limits?: Limits;
};

/**
 * Validates and compiles each definition. A definition this SDK cannot read (newer server,
 * damaged file) is left out and named in `problems`; the others still work.
 */
export function compileConfig(raw: unknown, source: FlagSource, etag: string | null): { snapshot: FlagSnapshot | null; problems: string[] } {
  const body = Array.isArray(raw) ? { flags: raw } : raw;
  if (typeof body !== "object" || body === null || !Array.isArray((body as { flags?: unknown }).flags)) {
    return { snapshot: null, problems: ["the flag config has no flags array"] };
  }
  const list = (body as { flags: unknown[] }).flags;
  const revisionRaw = (body as { revision?: unknown }).revision;
  const revision = typeof revisionRaw === "number" && Number.isFinite(revisionRaw) ? revisionRaw : 0;
  const flags = new Map<string, CompiledFlag>();
  const problems: string[] = [];
  for (const item of list) {
    const parsed = Flag.safeParse(item);
    if (!parsed.success) {
      const key = typeof (item as { key?: unknown })?.key === "string" ? (item as { key: string }).key : "?";
      problems.push(`flag "${key}" is not a valid definition (${parsed.error.issues[0]?.message ?? "invalid"}); it answers the default`);
      continue;
    }
    try {
      flags.set(parsed.data.key, compileFlag(parsed.data));
    } catch (err) {
      problems.push(`flag "${parsed.data.key}" could not be compiled (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  const limitsRaw = (body as { limits?: unknown }).limits;
  const snapshot: FlagSnapshot = { revision, etag, source, flags, raw: list };
  if (typeof limitsRaw === "object" && limitsRaw !== null && !Array.isArray(limitsRaw)) snapshot.limits = limitsRaw as Limits;
  return { snapshot, problems };
}

/** The persisted last-known-good config: what the server sent, with its ETag. */
type PersistedFile = { format: 1; etag: string | null; revision: number; environment: string; flags: unknown[] };

/** Reads the file written by `persistConfig`; null when absent, unreadable or for another environment. */
export function loadPersisted(path: string, environment: string): { raw: unknown; etag: string | null } | { problem: string } | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    return { problem: `cannot read ${path}: ${err instanceof Error ? err.message : String(err)}` };
  }
  try {
    const file = JSON.parse(text) as PersistedFile;
    if (file.format !== 1 || !Array.isArray(file.flags)) return { problem: `${path} is not a Sextant flags file` };
    if (file.environment !== environment) return null; // written for another environment: not ours to serve
    return { raw: { revision: file.revision, flags: file.flags }, etag: typeof file.etag === "string" ? file.etag : null };
  } catch (err) {
    return { problem: `${path} is not valid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
}

/** Writes the config atomically (a temporary file renamed over the old one): a crash never leaves half a file. */
export function persistConfig(path: string, environment: string, snapshot: FlagSnapshot): void {
  const file: PersistedFile = { format: 1, etag: snapshot.etag, revision: snapshot.revision, environment, flags: snapshot.raw };
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(file));
  renameSync(tmp, path);
}
