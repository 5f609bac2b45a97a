import "server-only";
import { evaluateFlag } from "@sextant/sdk";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { compiledFlags } from "./compiled";
import { ofrepStatus, readOfrepContext, toOfrep, type OfrepAnswer, type OfrepFailure, type OfrepSuccess } from "./ofrep";

/**
 * OFREP single evaluation: the same pure core the SDK runs locally, on the project's compiled
 * flags. OFREP carries no flag type, so none is passed (no TYPE_MISMATCH) and errors carry no value.
 */
export async function evaluateOne(ctx: ProjectCtx, input: { key: string; body: unknown }): Promise<OfrepAnswer> {
  assertCan(ctx, "flags.read");
  const read = readOfrepContext(input.body);
  if ("errorCode" in read) return { status: 400, body: { key: input.key, ...read } };
  const { flags } = await compiledFlags(ctx.db, ctx.projectId);
  const result = evaluateFlag(flags.get(input.key), read.context, { environment: read.environment, defaultValue: null });
  const answer = toOfrep(input.key, result, read.environment);
  return { status: ofrepStatus(answer), body: answer };
}

/**
 * OFREP bulk evaluation: every flag configured for the context's environment, by key. A flag
 * that cannot be evaluated for this context is listed with its error; flags without the
 * environment are left out (they do not exist there).
 */
export async function evaluateAll(ctx: ProjectCtx, input: { body: unknown }): Promise<OfrepAnswer> {
  assertCan(ctx, "flags.read");
  const read = readOfrepContext(input.body);
  if ("errorCode" in read) return { status: 400, body: read };
  const { flags } = await compiledFlags(ctx.db, ctx.projectId);
  const answers: (OfrepSuccess | OfrepFailure)[] = [];
  for (const [key, flag] of flags) {
    if (!flag.environments.has(read.environment)) continue;
    answers.push(toOfrep(key, evaluateFlag(flag, read.context, { environment: read.environment, defaultValue: null }), read.environment));
  }
  return { status: 200, body: { flags: answers } };
}
