// Exact money: every amount is an integer of nano-dollars (1e-9 USD) held in a
// bigint. Decimal strings are parsed digit by digit, never through a float, so a
// price of "0.075" is exactly 75_000_000 nanos and sums never drift.
// No "server-only": pure functions the console UI may format with too.

export const NANOS_PER_USD = 1_000_000_000n;
const SCALE = 9;

/** A non-negative decimal with at most 9 fraction digits, e.g. "2.50", "0.0375", "10". */
export const PRICE_DECIMAL = /^(\d+)(?:\.(\d{1,9}))?$/;

/**
 * A price string ("2.50", "0.000000001", or Postgres' "2.500000000") → integer
 * nano-dollars. Throws on anything that is not a plain non-negative decimal with
 * at most 9 fraction digits: a price that cannot be represented exactly is a bug.
 */
export function parseNanos(decimal: string): bigint {
  const m = PRICE_DECIMAL.exec(decimal.trim());
  if (!m) throw new RangeError(`"${decimal}" is not a non-negative decimal with at most ${SCALE} fraction digits.`);
  return BigInt(m[1]!) * NANOS_PER_USD + BigInt((m[2] ?? "").padEnd(SCALE, "0"));
}

/**
 * A client-given USD amount → nano-dollars, rounded half up at the 9th decimal.
 * Goes through String(x), the shortest decimal that round-trips to the same
 * double — i.e. what the client wrote in its JSON — instead of x * 1e9, whose
 * float error would turn 0.000984 into 983_999.9999… nanos.
 */
export function usdToNanos(costUsd: number): bigint {
  if (!Number.isFinite(costUsd) || costUsd < 0) throw new RangeError(`A cost must be a finite, non-negative number of USD; got ${costUsd}.`);
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(String(costUsd));
  if (!m) throw new RangeError(`Cannot read ${costUsd} as a decimal.`);
  const frac = m[2] ?? "";
  const digits = BigInt(m[1]! + frac);
  // value = digits × 10^shift nano-dollars
  const shift = Number(m[3] ?? 0) - frac.length + SCALE;
  if (shift >= 0) return digits * 10n ** BigInt(shift);
  return divRoundHalfUp(digits, 10n ** BigInt(-shift));
}

/** Non-negative integer division, rounding a remainder of exactly one half up. */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (numerator < 0n || denominator <= 0n) throw new RangeError("divRoundHalfUp takes a non-negative numerator and a positive denominator.");
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** Nano-dollars → the exact USD decimal with all 9 places, e.g. 12_500n → "0.000012500". */
export function nanosToUsd(nanos: bigint): string {
  const sign = nanos < 0n ? "-" : "";
  const abs = nanos < 0n ? -nanos : nanos;
  return `${sign}${abs / NANOS_PER_USD}.${(abs % NANOS_PER_USD).toString().padStart(SCALE, "0")}`;
}

/** Nano-dollars → a JSON number: the nearest double to the exact decimal (one rounding, not two). */
export function nanosToNumber(nanos: bigint): number {
  return Number(nanosToUsd(nanos));
}

/** A decimal string without trailing zeros ("2.500000000" → "2.5", "10.000" → "10"), for display and API answers. */
export function trimDecimal(decimal: string): string {
  return decimal.includes(".") ? decimal.replace(/0+$/, "").replace(/\.$/, "") : decimal;
}

/**
 * An amount in units of 10^-`scale` USD → "$1,234.5600": thousands separators,
 * trailing zeros trimmed but at least `minDecimals` places. Exact for any size.
 */
export function formatUsd(units: bigint, scale: number, minDecimals: number): string {
  const base = 10n ** BigInt(scale);
  const whole = (units / base).toLocaleString("en-US");
  let frac = scale > 0 ? (units % base).toString().padStart(scale, "0").replace(/0+$/, "") : "";
  frac = frac.padEnd(minDecimals, "0");
  return `$${whole}${frac ? `.${frac}` : ""}`;
}
