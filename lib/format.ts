// Number formatting for the console: every number carries its unit. Pure, shared by
// server and client components.

export const count = (n: number): string => n.toLocaleString("en-US", { maximumFractionDigits: 0 });

export function ms(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  if (n >= 60_000) return `${(n / 60_000).toFixed(1)} min`;
  if (n >= 1000) return `${(n / 1000).toFixed(2)} s`;
  return `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;
}

export function usd(n: number): string {
  if (n === 0) return "$0.00";
  if (Math.abs(n) < 0.01) return `$${n.toFixed(6)}`;
  if (Math.abs(n) < 100) return `$${n.toFixed(2)}`;
  return `$${n.toLocaleString("en-US", { maximumFractionDigits: 0 })}`;
}

export const pct = (ratio: number, digits = 2): string => `${(ratio * 100).toFixed(digits)} %`;

/** Compact token counts: 1,234 → "1.2k tokens". */
export function tokens(n: number): string {
  const v = n >= 1e9 ? `${(n / 1e9).toFixed(1)}B` : n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e4 ? `${(n / 1e3).toFixed(1)}k` : count(n);
  return `${v} tokens`;
}

// Single requests and per-group tables: a call can cost $0.0000042, which two or six decimals
// would show as $0.00 or $0.000004.
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
