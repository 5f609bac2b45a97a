/**
 * A small Semantic Versioning 2.0.0 parser and comparator (https://semver.org §11).
 * Accepts `MAJOR.MINOR.PATCH[-pre][+build]` with an optional leading `v`; build metadata is
 * ignored when comparing. Numbers are kept as digit strings so versions beyond 2^53 still
 * order correctly.
 */

export interface Semver {
  major: string;
  minor: string;
  patch: string;
  /** Dot-separated pre-release identifiers; empty for a release. */
  pre: string[];
}

const NUM = "(0|[1-9]\\d*)";
const PRE_ID = "(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)";
const SEMVER = new RegExp(
  `^[vV]?${NUM}\\.${NUM}\\.${NUM}(?:-(${PRE_ID}(?:\\.${PRE_ID})*))?(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?$`,
);
const DIGITS = /^\d+$/;

/** The parsed version, or undefined when `s` is not a semantic version. */
export function parseSemver(s: string): Semver | undefined {
  if (s.length > 256) return undefined;
  const m = SEMVER.exec(s);
  if (!m) return undefined;
  return { major: m[1]!, minor: m[2]!, patch: m[3]!, pre: m[4] === undefined ? [] : m[4].split(".") };
}

/** Compares two digit strings without leading zeros as numbers. */
function compareNumeric(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareIdentifier(a: string, b: string): number {
  const an = DIGITS.test(a);
  const bn = DIGITS.test(b);
  if (an && bn) return compareNumeric(a, b);
  if (an) return -1; // numeric identifiers have lower precedence than alphanumeric ones
  if (bn) return 1;
  return a < b ? -1 : a > b ? 1 : 0; // ASCII order
}

/** -1, 0 or 1 as `a` has lower, equal or higher precedence than `b`. */
export function compareSemver(a: Semver, b: Semver): number {
  const core = compareNumeric(a.major, b.major) || compareNumeric(a.minor, b.minor) || compareNumeric(a.patch, b.patch);
  if (core !== 0) return core;
  // A pre-release has lower precedence than the release: 1.0.0-rc.1 < 1.0.0.
  if (a.pre.length === 0 || b.pre.length === 0) return a.pre.length === b.pre.length ? 0 : a.pre.length === 0 ? 1 : -1;
  const n = Math.min(a.pre.length, b.pre.length);
  for (let i = 0; i < n; i++) {
    const c = compareIdentifier(a.pre[i]!, b.pre[i]!);
    if (c !== 0) return c;
  }
  return a.pre.length === b.pre.length ? 0 : a.pre.length < b.pre.length ? -1 : 1;
}
