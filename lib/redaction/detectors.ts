import type { RedactionSettings } from "@/db/schema/settings";

/**
 * The built-in detectors that redact personal data and credentials from ingested
 * events. They run on every string of every event, so each one is built to scan
 * in linear time:
 *
 * - every regex starts with a look-behind that refuses to start inside a run of
 *   the characters it consumes, so a run is tried once, not once per character;
 * - quantifiers are bounded or separated by a character they cannot consume, so
 *   no input makes the engine try more than a constant number of splits;
 * - checks that are awkward in a regex (Luhn, octet ranges, IPv6 group counts,
 *   digit counts) run in plain code on the match only;
 * - a cheap `quick` test skips the regex when a string cannot contain a match.
 *
 * Decisions a reader may question (the fixtures pin each one down):
 * - A dotted quad such as "1.2.3.4" IS an IP: we cannot tell it from a version
 *   number, and redacting too much is the safe side. "v1.2.3.4" (glued to a word)
 *   and "1.2.3.4.5" (five parts) are not.
 * - Card numbers must pass Luhn and start with 2–6 (every major network), so
 *   epoch-millisecond timestamps (13 digits starting with 1) are never cards.
 * - Phones need a "+" country code, or a separated national format (NANP
 *   "(415) 555-0134", or a trunk "0" like "020 7946 0958"). Plain digit runs,
 *   7-digit local numbers, dates and prices are left alone.
 */

export const DETECTOR_IDS = ["email", "phone", "creditCard", "ip", "secret"] as const;
export type DetectorId = (typeof DETECTOR_IDS)[number];

// The stored settings and this list must name the same detectors.
type StoredIds = keyof RedactionSettings["detectors"];
const sameIds: [StoredIds] extends [DetectorId] ? ([DetectorId] extends [StoredIds] ? true : never) : never = true;
void sameIds;

export type Finder = {
  /** A cheap test; false means `re` cannot match, so the scan is skipped. */
  quick?: (s: string) => boolean;
  /** A global regex whose matches are candidates. */
  re: RegExp;
  /**
   * How many leading characters of a match to redact: the whole match, a prefix
   * (a card followed by its expiry, an address followed by ':'), or 0 to keep it.
   */
  accept?: (match: string) => number;
};

export type Detector = { name: string; placeholder: string; find: readonly Finder[] };

const all = (m: string) => m.length;
const isDigit = (c: number) => c >= 48 && c <= 57;

/** A token that is random rather than a word: it has a digit, or a capital after its first character. */
function looksRandom(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (isDigit(c) || (i > 0 && c >= 65 && c <= 90)) return true;
  }
  return false;
}

// ---------------------------------------------------------------- secrets

// sk-/pk- keys (OpenAI, Anthropic, Sextant), AWS access key ids, JWTs, and the
// token after "Bearer". One pass; `accept` tells the alternatives apart.
const SECRET =
  /(?<![\w-])(?:(?:sk|pk)-[\w-]{16,}|A[KS]IA[0-9A-Z]{16}(?![0-9A-Za-z])|eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*)|(?<=\b[Bb]earer[ \t]{1,8})[\w.~+/=-]{16,}/g;
const SECRET_QUICK = /[sp]k-|A[KS]IA|eyJ|[Bb]earer/;

function acceptSecret(m: string): number {
  if (m.startsWith("eyJ") || /^A[KS]IA[0-9A-Z]{16}$/.test(m)) return m.length;
  // "sk-learn-pipeline-configuration" or "Bearer authentication-header-x" are prose, not keys.
  const token = m.startsWith("sk-") || m.startsWith("pk-") ? m.slice(3) : m;
  return looksRandom(token) ? m.length : 0;
}

// ---------------------------------------------------------------- credit cards

// 13–19 digits starting 2–6, single spaces or dashes allowed between digits.
const CARD = /(?<![\w.,+$-])[2-6]\d(?:[ -]?\d){11,17}(?!\w|[.,]\d)/g;

export function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The whole match when it passes Luhn, else its longest prefix ending at a separator that does ("4111 1111 1111 1111 12/25"). */
function acceptCard(m: string): number {
  let end = m.length;
  while (end > 0) {
    const digits = m.slice(0, end).replace(/[ -]/g, "");
    if (digits.length < 13) return 0;
    if (luhn(digits)) return end;
    end = Math.max(m.lastIndexOf(" ", end - 1), m.lastIndexOf("-", end - 1));
  }
  return 0;
}

// ---------------------------------------------------------------- email

const EMAIL = /(?<![\w.%+-])[\w.%+-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,10}[A-Za-z]{2,24}(?![A-Za-z0-9-])/g;

// ---------------------------------------------------------------- IP addresses

const IPV4 = /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d)/g;
const IPV4_QUICK = /\d\.\d/;

function isIPv4(s: string): boolean {
  const parts = s.split(".");
  if (parts.length !== 4) return false;
  return parts.every((p) => p.length > 0 && p.length <= 3 && /^\d+$/.test(p) && (p.length === 1 || p[0] !== "0") && Number(p) <= 255);
}

// A run of hex digits and colons (with an optional dotted IPv4 tail), checked in code.
const IPV6 = /(?<![\w:.])[0-9A-Fa-f]*:[0-9A-Fa-f:]*(?:\.\d{1,3}){0,3}(?!\w)/g;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

function isIPv6(s: string): boolean {
  let head = s;
  let tailGroups = 0;
  if (s.includes(".")) {
    const lastColon = s.lastIndexOf(":");
    if (!isIPv4(s.slice(lastColon + 1))) return false;
    head = s.slice(0, lastColon + 1);
    tailGroups = 2;
    if (head.endsWith(":") && !head.endsWith("::")) head = head.slice(0, -1);
  }
  // Without a digit it is far more likely code ("A::B", "Add::Ace") than an address.
  if (!/\d/.test(s)) return false;
  const gap = head.indexOf("::");
  if (gap !== head.lastIndexOf("::")) return false;
  const groups = (part: string) => (part === "" ? [] : part.split(":"));
  if (gap === -1) {
    const g = groups(head);
    return g.length + tailGroups === 8 && g.every((x) => HEX_GROUP.test(x));
  }
  const g = [...groups(head.slice(0, gap)), ...groups(head.slice(gap + 2))];
  return g.length + tailGroups <= 7 && g.every((x) => HEX_GROUP.test(x));
}

function acceptIPv6(m: string): number {
  if (isIPv6(m)) return m.length;
  // "fe80::1:" at the end of a clause: the trailing colon is punctuation.
  if (m.endsWith(":") && !m.endsWith("::") && isIPv6(m.slice(0, -1))) return m.length - 1;
  return 0;
}

function hasTwoColons(s: string): boolean {
  const first = s.indexOf(":");
  return first !== -1 && s.indexOf(":", first + 1) !== -1;
}

// ---------------------------------------------------------------- phone numbers

// "+" country code, then digit groups split by one space, dot or dash, or "(0)"-style parts.
const PHONE_INTL = /(?<![\w+])\+\d+(?:[ .-]?\(\d{1,5}\)[ .-]?\d+|[ .-]\d+)*/g;
// North American: optional "1", area code 2–9xx (in parentheses or followed by a separator), 3 + 4 digits.
const PHONE_NANP = /(?<![\w.+/$-])(?:1[ .-]?)?(?:\([2-9]\d\d\)[ .-]?|[2-9]\d\d[ .-])\d{3}[ .-]\d{4}(?!\w|[.-]\d)/g;
// National numbers with a trunk "0" (UK, FR, DE, NL, AU …), one separator style throughout.
const PHONE_TRUNK = /(?<![\w.+/$-])(?:0\d{1,4}([ .-])\d{2,8}(?:\1\d{2,4}){0,4}|\(0\d{1,4}\) ?\d{2,8}(?:[ -]\d{2,4}){0,3})(?!\w|[.-]\d)/g;
const PHONE_NATIONAL_QUICK = /\d[ .-]\d|\) ?\d/;

function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isDigit(s.charCodeAt(i))) n++;
  return n;
}

/** E.164 allows at most 15 digits; a longer run keeps its longest prefix, ending at a separator, that fits. */
function acceptIntl(m: string): number {
  let best = 0;
  let digits = 0;
  for (let i = 0; i < m.length; i++) {
    const c = m.charCodeAt(i);
    if (isDigit(c)) {
      digits++;
      if (digits > 15) break;
      const next = m.charCodeAt(i + 1);
      if (digits >= 8 && (i + 1 === m.length || !isDigit(next))) best = m[i + 1] === ")" ? i + 2 : i + 1;
    }
  }
  return best;
}

const acceptTrunk = (m: string) => {
  const n = countDigits(m);
  return n >= 9 && n <= 12 ? m.length : 0;
};

// ---------------------------------------------------------------- the list

/** Built-ins in the order they run: secrets first so a JWT is not half-eaten by another detector. */
export const BUILT_IN_DETECTORS: readonly (Detector & { name: DetectorId })[] = [
  { name: "secret", placeholder: "[SECRET]", find: [{ re: SECRET, quick: (s) => SECRET_QUICK.test(s), accept: acceptSecret }] },
  { name: "creditCard", placeholder: "[CREDIT_CARD]", find: [{ re: CARD, quick: (s) => /\d{4}/.test(s), accept: acceptCard }] },
  { name: "email", placeholder: "[EMAIL]", find: [{ re: EMAIL, quick: (s) => s.includes("@"), accept: all }] },
  {
    name: "ip",
    placeholder: "[IP]",
    find: [
      { re: IPV6, quick: hasTwoColons, accept: acceptIPv6 },
      { re: IPV4, quick: (s) => IPV4_QUICK.test(s), accept: (m) => (isIPv4(m) ? m.length : 0) },
    ],
  },
  {
    name: "phone",
    placeholder: "[PHONE]",
    find: [
      { re: PHONE_INTL, quick: (s) => s.includes("+"), accept: acceptIntl },
      { re: PHONE_NANP, quick: (s) => PHONE_NATIONAL_QUICK.test(s), accept: all },
      { re: PHONE_TRUNK, quick: (s) => PHONE_NATIONAL_QUICK.test(s), accept: acceptTrunk },
    ],
  },
];
