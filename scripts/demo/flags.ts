// The demo's feature flag: `support-model` splits support-chat between the current model and a
// cheaper candidate, so the console's variant comparison has real traffic to compare. Created
// through the public API (idempotent: an existing flag is left as the user changed it) and
// evaluated locally with the SDK's own engine from the config endpoint, polled with its ETag —
// so a kill switch or a new split in the console reaches the demo within one poll.
import { compileFlag, evaluateFlag, type CompiledFlag, type Flag } from "@sextant/sdk";

export const SUPPORT_MODEL_FLAG = {
  key: "support-model",
  description: "Which model answers support chat: the current one, or the cheaper candidate being rolled out.",
  tags: ["models", "demo"],
  type: "string",
  variants: { current: "gpt-4o-mini", candidate: "claude-3-5-haiku-20241022" },
  environments: {
    production: {
      enabled: true,
      offVariant: "current",
      defaultVariant: "current",
      rules: [
        { id: "team", description: "Our own accounts try the candidate first", conditions: [{ attribute: "userId", operator: "in", values: ["user-000", "user-001"] }], serve: { variant: "candidate" } },
        { id: "rollout", conditions: [], serve: { split: [{ variant: "candidate", weight: 50 }, { variant: "current", weight: 50 }] } },
      ],
    },
    staging: { enabled: true, offVariant: "current", defaultVariant: "candidate", rules: [] },
  },
} satisfies Flag;

export type SupportModel = { variant: string; model: string };

/** Creates the flag unless it exists, then keeps a compiled copy fresh; `choose` never throws. */
export function startSupportModelFlag(baseUrl: string, secretKey: string, refreshMs = 15_000) {
  const headers = { authorization: `Bearer ${secretKey}` };
  let compiled: CompiledFlag | undefined;
  let etag: string | null = null;
  const refresh = async () => {
    const res = await fetch(`${baseUrl}/api/v1/flags/config`, { headers: { ...headers, ...(etag ? { "if-none-match": etag } : {}) } });
    if (res.status === 304 || !res.ok) return void res.body?.cancel();
    const body = (await res.json()) as { flags: Flag[] };
    const flag = body.flags.find((f) => f.key === SUPPORT_MODEL_FLAG.key);
    compiled = flag ? compileFlag(flag) : undefined;
    etag = res.headers.get("etag");
  };
  const ready = fetch(`${baseUrl}/api/v1/flags`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(SUPPORT_MODEL_FLAG) })
    .then((res) => {
      if (res.status !== 201 && res.status !== 409) console.warn(`[demo] flag ${SUPPORT_MODEL_FLAG.key} not created: HTTP ${res.status}`);
      return res.body?.cancel();
    })
    .then(refresh)
    .catch((err: Error) => console.warn(`[demo] flag ${SUPPORT_MODEL_FLAG.key}: ${err.message}`));
  const timer = setInterval(() => void refresh().catch(() => undefined), refreshMs);
  timer.unref();
  return {
    ready,
    /** The variant a user gets in an environment; undefined until the flag is loaded (the caller keeps its own choice then). */
    choose(userId: string, environment: string): SupportModel | undefined {
      const r = evaluateFlag(compiled, { targetingKey: userId, userId }, { environment, defaultValue: "", type: "string" });
      return r.variant && typeof r.value === "string" ? { variant: r.variant, model: r.value } : undefined;
    },
    stop: () => clearInterval(timer),
  };
}
