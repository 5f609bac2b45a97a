// Formatting for single requests, where amounts are tiny: a call can cost $0.0000042,
// which the dashboard's two- or six-decimal money would show as $0.00 or $0.000004.

/** Dollars with three significant digits below $1 (up to nano-dollars), cents above; null is "unpriced", never $0. */
export function usdExact(n: number | null): string {
  if (n === null) return "unpriced";
  if (n === 0) return "$0";
  const decimals = Math.min(9, Math.max(2, Math.ceil(-Math.log10(Math.abs(n))) + 2));
  const fixed = n.toFixed(decimals);
  // Drop trailing zeros past the cents: $0.0000150 reads as $0.000015.
  const trimmed = fixed.includes(".") ? fixed.replace(/(\.\d\d\d*?)0+$/, "$1") : fixed;
  return `$${Number(trimmed) === 0 ? n.toExponential(2) : trimmed}`;
}
