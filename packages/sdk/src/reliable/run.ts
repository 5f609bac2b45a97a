import type { Scope } from "../context.js";
import type { GenerationFields } from "../generation.js";
import type { Engine } from "./policy.js";
import type { Note, Recording } from "./record.js";
import type { Params, Provider, Target } from "./targets.js";
import type { CallDeadline } from "./timeout.js";

/** One call as it goes through the policy. `meta`/`tags`: decisions made before the call, stamped on every event it records. */
export type Run = {
  e: Engine;
  env?: Recording;
  provider: Provider;
  path: string;
  primary: Target;
  params: Params;
  options: Params | undefined;
  stream: boolean;
  scope?: Scope;
  who: { userId?: string; endpoint?: string };
  model?: string;
  key?: string;
  /** Aborts the whole call: the total timeout, or the app's own signal. */
  total?: CallDeadline;
  started: number;
  meta: Record<string, string | number | boolean>;
  tags: string[];
};

export type Outcome = { value: unknown; note?: Note; target?: Target; step: number; local: boolean; attempts: number; model?: string; index: number };

/** Records a call the toolkit answered (or refused) without a provider. */
export function own(r: Run, f: Partial<GenerationFields> & { step?: string }): void {
  if (!r.env?.active || r.scope?.sampled === false) return;
  const { step, ...fields } = f;
  const input = r.params.messages ?? r.params.input;
  r.env.generation({
    provider: r.provider,
    model: r.model,
    input: Array.isArray(input) ? [...input] : input,
    durationMs: performance.now() - r.started,
    ...fields,
    tags: [...r.tags, ...(fields.tags ?? [])],
    metadata: { ...r.meta, ...(step ? { "reliable.step": step } : {}), ...fields.metadata },
  });
}
