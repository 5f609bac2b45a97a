import { GuardBlockedError } from "./errors.js";
import { answerText, rewriteText } from "./text.js";

export type GuardAction = "block" | "redact" | "flag";

/** A check on the answer's text: a regex, or a function returning the matched pieces (empty: clean). */
export type Guard = {
  name: string;
  action: GuardAction;
  pattern?: RegExp;
  check?: (text: string) => string[] | boolean;
  /** Replaces matches when redacting. Default `[REDACTED]`. */
  replacement?: string;
};

export type GuardVerdict = { guard: string; action: GuardAction; matches: number };

/** Common personal data. Card numbers must also pass the Luhn check, so order ids do not trip it. */
export const PII_PATTERNS = {
  email: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g,
  phone: /(?<![\w+])\+?\d{1,3}[ .-]?\(?\d{2,4}\)?[ .-]?\d{3,4}[ .-]?\d{3,4}(?!\w)/g,
  card: /\b(?:\d[ -]?){13,19}\b/g,
  ssn: /\b\d{3}-\d{2}-\d{4}\b/g,
} as const;

const DIGIT = /\d/;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1 && (d *= 2) > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Finds e-mail addresses, phone numbers, card numbers and US social security numbers. */
export function piiGuard(action: GuardAction, kinds: (keyof typeof PII_PATTERNS)[] = ["email", "phone", "card", "ssn"], name = "pii"): Guard {
  return {
    name,
    action,
    check(text) {
      const found: string[] = [];
      // Every pattern needs an "@" (e-mail) or a digit (the rest): most answers have neither, and then no pattern runs.
      const digits = DIGIT.test(text);
      for (const k of kinds) {
        if (k === "email" ? !text.includes("@") : !digits && (k === "phone" || k === "card" || k === "ssn")) continue;
        for (const m of text.matchAll(PII_PATTERNS[k])) {
          if (k === "card" && !luhn(m[0].replace(/\D/g, ""))) continue;
          found.push(m[0]);
        }
      }
      return found;
    },
  };
}

export function regexGuard(name: string, pattern: RegExp, action: GuardAction): Guard {
  return { name, action, pattern };
}

function matchesOf(g: Guard, text: string): string[] {
  if (g.pattern) return [...text.matchAll(new RegExp(g.pattern.source, g.pattern.flags.includes("g") ? g.pattern.flags : `${g.pattern.flags}g`))].map((m) => m[0]);
  const r = g.check?.(text);
  return r === true ? [text] : Array.isArray(r) ? r : [];
}

/**
 * Runs the guards over an answer: `redact` rewrites the matches in place, `flag` only
 * reports, `block` throws `GuardBlockedError` (after every guard ran, so the verdicts are
 * complete). `canChange` false (a stream already shown to the user) turns block and redact
 * into reports.
 */
export function applyGuards(answer: unknown, guards: Guard[], canChange = true, text = answerText(answer)): GuardVerdict[] {
  if (text === undefined || guards.length === 0) return [];
  const verdicts: GuardVerdict[] = [];
  let blocked: string | undefined;
  for (const g of guards) {
    const found = matchesOf(g, text);
    if (found.length === 0) continue;
    verdicts.push({ guard: g.name, action: g.action, matches: found.length });
    if (!canChange) continue;
    if (g.action === "block") blocked ??= g.name;
    if (g.action === "redact") {
      const pieces = [...new Set(found)].sort((a, b) => b.length - a.length);
      rewriteText(answer, (t) => pieces.reduce((acc, p) => acc.split(p).join(g.replacement ?? "[REDACTED]"), t));
    }
  }
  if (blocked) throw Object.assign(new GuardBlockedError(blocked), { verdicts });
  return verdicts;
}
