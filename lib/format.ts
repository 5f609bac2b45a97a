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
