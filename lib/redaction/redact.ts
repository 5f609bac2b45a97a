import type { RedactionSettings } from "@/db/schema/settings";
import { BUILT_IN_DETECTORS, type Detector } from "./detectors";

/** Strings shorter than this cannot hold anything worth redacting ("a@b.co" is 6). */
export const MIN_LENGTH = 6;

export type Counts = Record<string, number>;

/** The parts of an ingested event that may carry user data. */
export type RedactableEvent = {
  input?: unknown;
  output?: unknown;
  error?: { message?: string };
  metadata?: Record<string, string | number | boolean>;
};

export type Redactor = {
  /** `s` with every match replaced by its placeholder; adds the hits to `counts`. */
  text: (s: string, counts: Counts) => string;
  /** A copy of a JSON value with string values redacted; keys, numbers and booleans are kept, the input is not touched. */
  json: (v: unknown, counts: Counts) => unknown;
  /** A copy of the event with input, output, error.message and string metadata values redacted, and the hits per detector. */
  event: <E extends RedactableEvent>(e: E) => { event: E; counts: Counts };
};

/** True when p[i] starts an unbounded quantifier: +, * or {n,}. */
function unboundedAt(p: string, i: number): boolean {
  const c = p[i];
  return c === "+" || c === "*" || (c === "{" && /^\{\d+,\}/.test(p.slice(i, i + 16)));
}

/**
 * Whether a repeated group contains a repetition, like (a+)+ or (\w+\s?)*: the shape
 * that makes a backtracking engine take exponential time. One project's pattern
 * runs in the process that ingests for every project, so these are refused.
 */
export function hasNestedRepetition(p: string): boolean {
  const groups: boolean[] = []; // per open group: does it repeat something inside?
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === "\\") {
      i++;
    } else if (c === "[") {
      for (i++; i < p.length && p[i] !== "]"; i++) if (p[i] === "\\") i++;
    } else if (c === "(") {
      groups.push(false);
    } else if (c === ")") {
      const inner = groups.pop() ?? false;
      const repeated = unboundedAt(p, i + 1);
      if (inner && repeated) return true;
      if ((inner || repeated) && groups.length > 0) groups[groups.length - 1] = true;
    } else if (unboundedAt(p, i) && groups.length > 0) {
      groups[groups.length - 1] = true;
    }
  }
  return false;
}

/**
 * Compiles a user's pattern the way the redactor uses it, or says why it cannot be
 * used. The settings schema refuses such patterns; the redactor skips them.
 */
export function compileCustomPattern(pattern: string): { re: RegExp } | { error: string } {
  let re: RegExp;
  try {
    re = new RegExp(pattern, "g");
  } catch (err) {
    return { error: `This is not a valid JavaScript regular expression (${(err as Error).message}).` };
  }
  if (hasNestedRepetition(pattern)) {
    return { error: "A repeated group that repeats inside, like (a+)+, can take exponential time on some text; rewrite it without the nested repetition." };
  }
  // A pattern that matches nothing at all would match between every two characters.
  if (new RegExp(pattern).test("")) return { error: "This pattern matches an empty string; make it match at least one character." };
  return { re };
}

function customDetector(name: string, pattern: string): Detector | null {
  const compiled = compileCustomPattern(pattern);
  if (!("re" in compiled)) return null;
  return { name, placeholder: `[${name.toUpperCase()}]`, find: [{ re: compiled.re }] };
}

/** Replaces one detector's matches in `s`. */
function apply(d: Detector, s: string, counts: Counts): string {
  let out = s;
  for (const f of d.find) {
    if (f.quick && !f.quick(out)) continue;
    let hits = 0;
    out = out.replace(f.re, (m: string) => {
      const keep = m.length === 0 ? 0 : f.accept ? f.accept(m) : m.length;
      if (keep <= 0) return m;
      hits++;
      return d.placeholder + m.slice(keep);
    });
    if (hits > 0) counts[d.name] = (counts[d.name] ?? 0) + hits;
  }
  return out;
}

/** Sets a key on a fresh object, "__proto__" included, without touching its prototype. */
function setOwn(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === "__proto__") Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

/**
 * Builds the redactor for a project's settings: every built-in detector is on unless
 * set to false; custom patterns run after the built-ins, and one that does not
 * compile is skipped (ingest never fails over a setting).
 */
export function compileRedactor(settings: RedactionSettings | null): Redactor {
  const detectors: Detector[] = BUILT_IN_DETECTORS.filter((d) => settings?.detectors?.[d.name] !== false);
  for (const p of settings?.customPatterns ?? []) {
    const d = customDetector(p.name, p.pattern);
    if (d) detectors.push(d);
  }

  const text = (s: string, counts: Counts): string => {
    if (s.length < MIN_LENGTH) return s;
    let out = s;
    for (const d of detectors) out = apply(d, out, counts);
    return out;
  };

  const json = (v: unknown, counts: Counts): unknown => {
    if (typeof v === "string") return text(v, counts);
    if (Array.isArray(v)) return v.map((x) => json(x, counts));
    if (v !== null && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v)) setOwn(out, k, json((v as Record<string, unknown>)[k], counts));
      return out;
    }
    return v;
  };

  const event = <E extends RedactableEvent>(e: E): { event: E; counts: Counts } => {
    const counts: Counts = {};
    const out: E = { ...e };
    if (e.input !== undefined) out.input = json(e.input, counts);
    if (e.output !== undefined) out.output = json(e.output, counts);
    if (e.error && typeof e.error.message === "string") out.error = { ...e.error, message: text(e.error.message, counts) };
    if (e.metadata) {
      const metadata: Record<string, string | number | boolean> = {};
      for (const [k, v] of Object.entries(e.metadata)) setOwn(metadata, k, typeof v === "string" ? text(v, counts) : v);
      out.metadata = metadata;
    }
    return { event: out, counts };
  };

  return { text, json, event };
}
