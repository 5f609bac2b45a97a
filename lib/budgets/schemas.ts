import { z } from "zod";

// No "server-only": the console's budget form validates with the same schemas.

export const BUDGET_SCOPES = ["project", "endpoint", "user"] as const;
export const BUDGET_PERIODS = ["day", "month"] as const;
export const BUDGET_ENFORCEMENTS = ["soft", "hard"] as const;
export const BUDGET_ACTIONS = ["block", "downgrade"] as const;

const Text = (max: number) => z.string().trim().min(1).max(max);

/** USD with at most 9 decimals (stored exactly as numeric). */
const Usd = z
  .number()
  .finite()
  .min(0, "A limit is 0 or more US dollars.")
  .max(1e9, "At most $1,000,000,000.")
  .refine((v) => /^\d+(\.\d{1,9})?$/.test(String(v)), "At most 9 decimals.");

const BudgetFields = {
  /** The budget's id in the SDK (errors, `metadata["reliable.budgetId"]`): unique per project. */
  name: z.string().trim().regex(/^[A-Za-z0-9._:-]{1,64}$/, "Names are 1–64 letters, digits, . _ : -"),
  scope: z.enum(BUDGET_SCOPES),
  /** The endpoint name or user id; absent with endpoint/user scope: every endpoint (user) gets its own budget of this size. */
  match: Text(256).optional(),
  period: z.enum(BUDGET_PERIODS),
  limitUsd: Usd,
  /** soft: an alert on the spend (through the rule's channels); hard: the SDK blocks or downgrades before the call. */
  enforcement: z.enum(BUDGET_ENFORCEMENTS),
  action: z.enum(BUDGET_ACTIONS).optional(),
  downgradeTo: Text(128).optional(),
  /** Soft only: where the backing alert rule notifies (ids of /api/v1/notification-channels). */
  channels: z.array(z.uuid()).max(20).optional(),
};

type Shape = { scope: string; match?: string; enforcement: string; action?: string; downgradeTo?: string; channels?: string[] };
function checkBudget(b: Shape, ctx: z.RefinementCtx) {
  if (b.scope === "project" && b.match !== undefined) ctx.addIssue({ code: "custom", path: ["match"], message: "A project budget has no match." });
  if (b.enforcement === "soft" && (b.action !== undefined || b.downgradeTo !== undefined)) {
    ctx.addIssue({ code: "custom", path: ["action"], message: "A soft budget only alerts: action and downgradeTo are for hard budgets." });
  }
  if (b.enforcement === "hard" && b.channels?.length) ctx.addIssue({ code: "custom", path: ["channels"], message: "Channels are for soft budgets (their alert)." });
  if (b.action === "downgrade" && !b.downgradeTo) ctx.addIssue({ code: "custom", path: ["downgradeTo"], message: "Name the cheaper model to downgrade to." });
  if (b.action !== "downgrade" && b.downgradeTo !== undefined) ctx.addIssue({ code: "custom", path: ["downgradeTo"], message: "downgradeTo needs action downgrade." });
}

/** POST /api/v1/budgets. Unknown fields are refused so typos do not pass silently. */
export const BudgetInput = z.strictObject(BudgetFields).superRefine(checkBudget);
export type BudgetInput = z.input<typeof BudgetInput>;
export type BudgetSpec = z.output<typeof BudgetInput>;

/** PATCH: any fields; null removes an optional one. The merged budget is validated with BudgetInput. */
export const BudgetPatch = z.strictObject(Object.fromEntries(Object.keys(BudgetFields).map((k) => [k, z.unknown().optional()])));

/** A budget as the API answers it, with the spend so far in the current period (from the rollups). */
export type Budget = BudgetSpec & {
  id: string;
  alertRuleId: string | null;
  /** Spend in the current UTC day or month, over everything the budget covers. */
  spentUsd: number;
  /** Without match: the largest spenders (endpoint or user id → USD), at most 1,000. */
  spentBy?: Record<string, number>;
  periodStart: string;
  createdAt: Date;
  updatedAt: Date;
};

const PerMinute = z.number().int().min(1).max(1e9).nullable().optional();
/** PUT /api/v1/budgets/user-rate-limit: per user, per minute; null (or absent) removes a limit. */
export const UserRateLimitInput = z.strictObject({ requestsPerMinute: PerMinute, tokensPerMinute: PerMinute });
export type UserRateLimitInput = z.input<typeof UserRateLimitInput>;
export type UserRateLimit = { requestsPerMinute?: number; tokensPerMinute?: number };
