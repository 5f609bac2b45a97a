/**
 * The `matches` operator's patterns. JavaScript's regex engine backtracks, and neither Node
 * nor browsers offer a linear-time engine, so a pattern is vetted once, when the flag is
 * defined (see README "Regex safety"):
 * - at most MAX_PATTERN_LENGTH characters, compiled with the `u` flag (and nothing else);
 * - no backreferences (`\1`, `\k<name>`), which make matching exponential by design;
 * - no nested repetition (a repeated group that itself contains a quantifier, such as
 *   `(a+)+` or `(\w*\s?)*`), the usual shape of catastrophic backtracking.
 * At evaluation, attributes longer than MAX_MATCH_INPUT characters never match, which bounds
 * the polynomial cases that remain (such as `a*a*a*b`) and the alternation overlaps
 * (`(a|ab)*`) that this check does not detect.
 */

export const MAX_PATTERN_LENGTH = 256;
export const MAX_MATCH_INPUT = 1_024;
export const PATTERN_FLAGS = "u";

interface Frame {
  /** Some atom inside this group is quantified (with any quantifier, `?` included). */
  quantified: boolean;
}

/** Length of the quantifier starting at `i`, and whether it can repeat more than once; 0 when none. */
function quantifierAt(p: string, i: number): { length: number; repeats: boolean } {
  const c = p[i];
  let length = 0;
  let repeats = false;
  if (c === "*" || c === "+") {
    length = 1;
    repeats = true;
  } else if (c === "?") {
    length = 1;
  } else if (c === "{") {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i));
    if (!m) return { length: 0, repeats: false };
    length = m[0].length;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
    repeats = max > 1;
  }
  if (length > 0 && p[i + length] === "?") length++; // lazy modifier
  return { length, repeats };
}

/** Why `pattern` is refused, or undefined when it is accepted. */
export function patternProblem(pattern: string): string | undefined {
  if (pattern.length === 0) return "Give a non-empty pattern.";
  if (pattern.length > MAX_PATTERN_LENGTH) return `Keep patterns to ${MAX_PATTERN_LENGTH} characters.`;
  try {
    new RegExp(pattern, PATTERN_FLAGS);
  } catch (e) {
    return `Not a valid regular expression: ${(e as Error).message}`;
  }
  const stack: Frame[] = [{ quantified: false }];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "\\") {
      const next = pattern[i + 1] ?? "";
      if (/[1-9k]/.test(next)) return "Backreferences are not allowed in patterns.";
      i += 2;
      // \p{…}, \P{…} and \u{…} carry braces that are not quantifiers.
      if (/[pPu]/.test(next) && pattern[i] === "{") i = pattern.indexOf("}", i) + 1;
    } else if (c === "[") {
      i++;
      while (i < pattern.length && pattern[i] !== "]") i += pattern[i] === "\\" ? 2 : 1;
      i++;
    } else if (c === "(") {
      stack.push({ quantified: false });
      i++;
      continue;
    } else if (c === ")") {
      const inner = stack.pop()!;
      i++;
      const q = quantifierAt(pattern, i);
      if (q.repeats && inner.quantified) {
        return "Nested repetition such as (a+)+ can make matching take exponential time; rewrite the pattern without a repeated group that contains a quantifier.";
      }
      if (inner.quantified || q.length > 0) stack[stack.length - 1]!.quantified = true;
      i += q.length;
      continue;
    } else {
      i++;
    }
    // A quantifier applies to the atom just consumed.
    const q = quantifierAt(pattern, i);
    if (q.length > 0) {
      stack[stack.length - 1]!.quantified = true;
      i += q.length;
    }
  }
  return undefined;
}

/** Compiles an already vetted pattern. */
export function compilePattern(pattern: string): RegExp {
  return new RegExp(pattern, PATTERN_FLAGS);
}
