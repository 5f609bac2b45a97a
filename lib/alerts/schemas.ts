import { z } from "zod";

// No "server-only": the console's rule editor validates with the same schemas.

export const SEVERITIES = ["critical", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const METRICS = [
  "error_rate", "request_count", "latency_p50", "latency_p90", "latency_p95", "latency_p99", "latency_avg",
  "cost_usd", "tokens", "score_avg", "fallback_rate", "cache_hit_rate", "unpriced_count",
] as const;
export type AlertMetric = (typeof METRICS)[number];
/** Sums: a window without requests reads 0 (not "no data"), so "fewer than N requests" rules work. */
export const SUM_METRICS: readonly AlertMetric[] = ["request_count", "cost_usd", "tokens", "unpriced_count"];

export const GROUP_BYS = ["model", "endpoint", "userId", "environment", "promptVersion"] as const;
export const AlertGroupBy = z
  .string()
  .refine((v) => (GROUP_BYS as readonly string[]).includes(v) || /^flag:[A-Za-z0-9._-]{1,128}$/.test(v), `groupBy must be one of ${GROUP_BYS.join(", ")} or flag:<key>.`);

const Text = (max: number) => z.string().trim().min(1).max(max);

/** The dashboards' filters that the rollups carry (tags, metadata and sessions are for the request list only). */
export const AlertFilters = z.strictObject(
  {
    model: Text(128).optional(),
    provider: Text(64).optional(),
    endpoint: Text(256).optional(),
    environment: Text(64).optional(),
    status: z.enum(["ok", "error"]).optional(),
    errorType: Text(128).optional(),
    promptName: Text(256).optional(),
    promptVersion: z.number().int().min(1).max(1e9).optional(),
    userId: Text(256).optional(),
    flags: z.record(Text(128), Text(128)).optional(),
  },
  { error: (i) => (i.code === "unrecognized_keys" ? `Alert rules read the rollups, which cannot filter by ${i.keys.join(", ")}.` : undefined) },
);
export type AlertFilters = z.infer<typeof AlertFilters>;

const OPS = [">", ">=", "<", "<="] as const;
export type Op = (typeof OPS)[number];

export const AlertCondition = z
  .strictObject({
    op: z.enum(OPS),
    threshold: z.number().finite(),
    warnThreshold: z.number().finite().optional(),
    recoverThreshold: z.number().finite().optional(),
  })
  .superRefine((c, ctx) => {
    const above = c.op === ">" || c.op === ">=";
    // A warning is the milder level: nearer to normal than the threshold.
    if (c.warnThreshold !== undefined && (above ? c.warnThreshold > c.threshold : c.warnThreshold < c.threshold)) {
      ctx.addIssue({ code: "custom", path: ["warnThreshold"], message: `With ${c.op}, warnThreshold must be ${above ? "at most" : "at least"} threshold.` });
    }
    // Hysteresis: a firing instance recovers only past this line, so it lies on the healthy side.
    const line = c.warnThreshold ?? c.threshold;
    if (c.recoverThreshold !== undefined && (above ? c.recoverThreshold > line : c.recoverThreshold < line)) {
      ctx.addIssue({ code: "custom", path: ["recoverThreshold"], message: `With ${c.op}, recoverThreshold must be ${above ? "at most" : "at least"} ${c.warnThreshold !== undefined ? "warnThreshold" : "threshold"}.` });
    }
  });
export type AlertCondition = z.infer<typeof AlertCondition>;

const LabelName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, "Label names are letters, digits and _, not starting with a digit.");
const RESERVED_LABELS = ["alertname", "severity", "rule_id"];
export const AlertLabels = z
  .record(LabelName, z.string().max(256))
  .refine((l) => Object.keys(l).length <= 20, "At most 20 labels.")
  .refine((l) => !Object.keys(l).some((k) => RESERVED_LABELS.includes(k)), `${RESERVED_LABELS.join(", ")} are set by Sextant.`);

const HttpUrl = z.url({ protocol: /^https?$/, error: "Give an http:// or https:// URL." }).max(2048);

/** Spend so far in the current UTC day or month; `projected` adds the recent rate (over windowSeconds) × the time left. */
export const AlertBudget = z.strictObject({ period: z.enum(["day", "month"]), projected: z.boolean().default(false) });

const RuleFields = {
  name: Text(200),
  description: z.string().trim().max(2000).optional(),
  severity: z.enum(SEVERITIES).default("warning"),
  enabled: z.boolean().default(true),
  metric: z.enum(METRICS),
  scoreName: Text(128).optional(),
  filters: AlertFilters.default({}),
  groupBy: AlertGroupBy.optional(),
  condition: AlertCondition,
  windowSeconds: z.number().int().min(60).max(86_400),
  forSeconds: z.number().int().min(0).max(7 * 86_400).default(0),
  minRequests: z.number().int().min(1).max(1e9).optional(),
  noData: z.enum(["ok", "keep", "alert"]).default("ok"),
  channels: z.array(z.uuid({ error: "Channel ids are the ids of /api/v1/notification-channels." })).max(20).default([]),
  repeatIntervalSeconds: z.number().int().min(60).max(30 * 86_400).optional(),
  sendResolved: z.boolean().default(true),
  labels: AlertLabels.default({}),
  runbookUrl: HttpUrl.optional(),
  budget: AlertBudget.optional(),
};

type RuleShape = { metric: AlertMetric; scoreName?: string; budget?: unknown };
function checkRule(r: RuleShape, ctx: z.RefinementCtx) {
  if (r.metric === "score_avg" && !r.scoreName) ctx.addIssue({ code: "custom", path: ["scoreName"], message: "score_avg needs the score's name." });
  if (r.metric !== "score_avg" && r.scoreName) ctx.addIssue({ code: "custom", path: ["scoreName"], message: "scoreName is only for score_avg." });
  if (r.budget && r.metric !== "cost_usd") ctx.addIssue({ code: "custom", path: ["budget"], message: "A budget is for cost_usd rules." });
}

/** POST /api/v1/alert-rules: the issue's AlertRule. Unknown fields are refused so typos do not pass silently. */
export const AlertRuleInput = z.strictObject(RuleFields).superRefine(checkRule);
export type AlertRuleInput = z.input<typeof AlertRuleInput>;
export type AlertRuleSpec = z.output<typeof AlertRuleInput>;

/** PATCH: any fields; null removes an optional one. The merged rule is validated with AlertRuleInput. */
export const AlertRulePatch = z.strictObject(Object.fromEntries(Object.keys(RuleFields).map((k) => [k, z.unknown().optional()])));
export type AlertRulePatch = Partial<Record<keyof typeof RuleFields, unknown>>;

/** A rule as the API answers it. */
export type AlertRule = AlertRuleSpec & { id: string; lastEvaluatedAt: Date | null; lastError: string | null; createdAt: Date; updatedAt: Date };

export const CHANNEL_TYPES = ["webhook", "slack"] as const;
const Secret = z.string().min(8, "A signing secret has at least 8 characters.").max(512);

export const ChannelInput = z
  .strictObject({ type: z.enum(CHANNEL_TYPES), name: Text(200), url: HttpUrl, secret: Secret.optional() })
  .refine((c) => !(c.type === "slack" && c.secret), { path: ["secret"], message: "Slack does not check signatures; the webhook URL is the credential. Leave secret out." });
export type ChannelInput = z.input<typeof ChannelInput>;
export const ChannelPatch = z.strictObject({ name: Text(200).optional(), url: HttpUrl.optional(), secret: Secret.nullable().optional() });
export type ChannelPatch = z.input<typeof ChannelPatch>;

/** A channel as the API answers it: never the secret, and the URL only as a hint (a Slack URL is a credential). */
export type Channel = { id: string; type: (typeof CHANNEL_TYPES)[number]; name: string; url: string; hasSecret: boolean; createdAt: Date; updatedAt: Date };

const Time = z.union([z.iso.datetime({ offset: true }), z.date()]).transform((v) => new Date(v));
export const SilenceInput = z
  .strictObject({
    ruleId: z.uuid().optional(),
    matchers: z.record(z.string().min(1).max(128), z.string().max(256)).default({}),
    startsAt: Time.optional(),
    endsAt: Time,
    comment: Text(1000),
  })
  .superRefine((s, ctx) => {
    if (!s.ruleId && Object.keys(s.matchers).length === 0) ctx.addIssue({ code: "custom", path: ["matchers"], message: "Silence a rule (ruleId), labels (matchers), or both." });
    if (s.endsAt.getTime() <= (s.startsAt ?? new Date()).getTime()) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "endsAt must be after startsAt (and in the future)." });
  });
export type SilenceInput = z.input<typeof SilenceInput>;
export type Silence = { id: string; ruleId: string | null; matchers: Record<string, string>; startsAt: Date; endsAt: Date; comment: string; createdBy: string; createdAt: Date };
