import "server-only";
import type { ProjectCtx } from "@/lib/context";
import { queryMetrics } from "@/lib/metrics/query";
import { assertPromptCan } from "./permissions";

export type VersionMetrics = {
  version: number;
  requests: number;
  errorRate: number;
  p95Ms: number | null;
  costPerRequestUsd: number | null;
  unpriced: number;
  scores: Record<string, { avg: number; count: number }>;
};

/** Requests, error rate, p95, cost per request and average scores of each version of one prompt, from the rollups. */
export async function versionMetrics(ctx: ProjectCtx, name: string, range: { from: Date; to: Date }): Promise<VersionMetrics[]> {
  assertPromptCan(ctx, "prompts.read");
  const answer = await queryMetrics(ctx, { filters: { from: range.from, to: range.to, promptName: name }, groupBy: "promptVersion", limit: 1000 });
  const prefix = `${name}@`;
  return answer.groups
    .filter((g) => g.key.startsWith(prefix))
    .map((g) => ({
      version: Number(g.key.slice(prefix.length)),
      requests: g.requests,
      errorRate: g.errorRate,
      p95Ms: g.latencyMs.p95,
      costPerRequestUsd: g.requests > g.unpriced ? g.costUsd / (g.requests - g.unpriced) : null,
      unpriced: g.unpriced,
      scores: g.scores,
    }))
    .filter((m) => Number.isInteger(m.version))
    .sort((a, b) => b.version - a.version);
}
