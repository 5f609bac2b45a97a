import type { Usage } from "../events.js";
import { BudgetExceededError } from "./errors.js";
import type { UserRateLimit } from "./rate-limit.js";

/**
 * One budget as the console will deliver it (Settings → Budgets, sent with the flag
 * configuration). Until then, give the same shape in code.
 */
export type Budget = {
  /** Names the budget in errors, reports and `metadata["reliable.budget"]`. */
  id: string;
  /** What is counted together: the whole project, one endpoint, or one user. */
  scope: "project" | "endpoint" | "user";
  /** The endpoint name or user id. Absent with `endpoint`/`user`: each endpoint (user) has its own budget of this size. */
  match?: string;
  period: "day" | "month";
  limitUsd: number;
  /** `soft`: reported (and the console alerts); `hard`: enforced before the call. */
  enforcement: "soft" | "hard";
  /** Hard only: `block` (default) throws `BudgetExceededError`; `downgrade` sends the call to `downgradeTo`. */
  action?: "block" | "downgrade";
  downgradeTo?: string;
  /** The server's spend so far in the current period: one number, or per endpoint / user id when `match` is absent. */
  spentUsd?: number | Record<string, number>;
};

/** USD per million tokens. Model names match exactly or by the longest prefix. */
export type Prices = Record<string, { inputPerMTok: number; outputPerMTok: number; cachedInputPerMTok?: number }>;

/** Everything the SDK enforces locally, in one object — the shape the console will deliver. */
export type Limits = { budgets?: Budget[]; userRateLimit?: UserRateLimit; prices?: Prices };

export type BudgetVerdict = {
  /** The model the call must use (a downgrade), if not the one asked for. */
  model?: string;
  downgradedBy?: string;
  /** Soft budgets already spent: reported, not enforced. */
  soft: string[];
};

export type BudgetOptions = {
  /** Cost of one call, when `limits.prices` does not know the model (e.g. your own price table). */
  cost?: (model: string, usage: Usage) => number | undefined;
  /** Told when a soft budget is found spent (once per budget and period). */
  onSoftLimit?: (budget: Budget, spentUsd: number) => void;
};

const DAY_MS = 86_400_000;
/** The UTC month last asked about, [from, to): a month start is worked out once a month, not per call. */
const month = { from: 0, to: 0 };

/** Start of the UTC day or month `nowMs` falls in (epoch ms; UTC days are exactly 86 400 000 ms long in JS time). */
function periodStart(period: Budget["period"], nowMs: number): number {
  if (period === "day") return Math.floor(nowMs / DAY_MS) * DAY_MS;
  if (nowMs < month.from || nowMs >= month.to) {
    const d = new Date(nowMs);
    month.from = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    month.to = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  }
  return month.from;
}

/**
 * The SDK side of budgets: checks before each call whether a budget is spent — the
 * server's spend-so-far plus what this process spent since — and blocks, downgrades or
 * reports. `update(limits)` takes a fresh delivery (whose spend includes ours, so local
 * counts start over). Periods are UTC days and months.
 */
export class Budgets {
  private limits: Limits;
  private local = new Map<string, { period: number; usd: number }>();
  private reported = new Set<string>();

  constructor(
    limits: Limits = {},
    private readonly o: BudgetOptions = {},
  ) {
    this.limits = limits;
  }

  update(limits: Limits): void {
    this.limits = limits;
    this.local.clear();
    this.reported.clear();
  }

  get current(): Limits {
    return this.limits;
  }

  /** The key one call counts under for a budget, or undefined when the budget does not apply to it. */
  private keyOf(b: Budget, who: { endpoint?: string; userId?: string }): string | undefined {
    if (b.scope === "project") return "";
    const v = b.scope === "endpoint" ? who.endpoint : who.userId;
    if (v === undefined || (b.match !== undefined && b.match !== v)) return undefined;
    return v;
  }

  spent(b: Budget, key: string, now = new Date()): number {
    return this.spentAt(b, key, now.getTime());
  }

  private spentAt(b: Budget, key: string, nowMs: number): number {
    const server = typeof b.spentUsd === "number" ? b.spentUsd : (b.spentUsd?.[key] ?? 0);
    const l = this.local.get(`${b.id}\n${key}`);
    return server + (l && l.period === periodStart(b.period, nowMs) ? l.usd : 0);
  }

  /** Before the call. Throws `BudgetExceededError` for a spent hard budget that blocks. */
  check(who: { endpoint?: string; userId?: string; model?: string }): BudgetVerdict {
    const verdict: BudgetVerdict = { soft: [] };
    const now = Date.now();
    for (const b of this.limits.budgets ?? []) {
      const key = this.keyOf(b, who);
      if (key === undefined) continue;
      const spent = this.spentAt(b, key, now);
      if (spent < b.limitUsd) continue;
      if (b.enforcement === "soft") {
        verdict.soft.push(b.id);
        const once = `${b.id}\n${key}\n${periodStart(b.period, now)}`;
        if (!this.reported.has(once)) {
          this.reported.add(once);
          try {
            this.o.onSoftLimit?.(b, spent);
          } catch {
            // A throwing listener must not break the call.
          }
        }
      } else if (b.action === "downgrade" && b.downgradeTo) {
        if (who.model !== b.downgradeTo) Object.assign(verdict, { model: b.downgradeTo, downgradedBy: b.id });
      } else {
        throw new BudgetExceededError(b.id, spent, b.limitUsd);
      }
    }
    return verdict;
  }

  /** After the call: what it cost, in USD, from the prices (undefined when unknown). */
  costOf(model: string | undefined, usage: Usage | undefined): number | undefined {
    if (!model || !usage) return undefined;
    const prices = this.limits.prices ?? {};
    let best: string | undefined;
    for (const name of Object.keys(prices)) if (model.startsWith(name) && (best === undefined || name.length > best.length)) best = name;
    if (best === undefined) return this.o.cost?.(model, usage);
    const p = prices[best]!;
    const cached = usage.cachedInputTokens ?? 0;
    const input = (usage.inputTokens ?? 0) - cached;
    return (input * p.inputPerMTok + cached * (p.cachedInputPerMTok ?? p.inputPerMTok) + (usage.outputTokens ?? 0) * p.outputPerMTok) / 1e6;
  }

  /** Counts a call's cost against every budget it falls under. */
  add(who: { endpoint?: string; userId?: string }, usd: number): void {
    if (!(usd > 0)) return;
    const now = Date.now();
    for (const b of this.limits.budgets ?? []) {
      const key = this.keyOf(b, who);
      if (key === undefined) continue;
      const id = `${b.id}\n${key}`;
      const start = periodStart(b.period, now);
      const l = this.local.get(id);
      if (l && l.period === start) l.usd += usd;
      else this.local.set(id, { period: start, usd });
    }
  }
}
