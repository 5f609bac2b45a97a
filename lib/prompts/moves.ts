import "server-only";
import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { promptLabelMoves } from "@/db/schema";
import type { ProjectCtx } from "@/lib/context";
import { assertPromptCan } from "./permissions";

export type LabelMoveRow = { id: number; name: string; label: string; from: number | null; to: number; movedBy: string; movedAt: Date };

/** Label moves, newest first: a prompt's deploy history, or every move in a time range (dashboard annotations). */
export async function listLabelMoves(ctx: ProjectCtx, q: { name?: string; label?: string; from?: Date; to?: Date; limit?: number } = {}): Promise<LabelMoveRow[]> {
  assertPromptCan(ctx, "prompts.read");
  const where: SQL[] = [eq(promptLabelMoves.projectId, ctx.projectId)];
  if (q.name) where.push(eq(promptLabelMoves.promptName, q.name));
  if (q.label) where.push(eq(promptLabelMoves.label, q.label));
  if (q.from) where.push(gte(promptLabelMoves.movedAt, q.from));
  if (q.to) where.push(lt(promptLabelMoves.movedAt, q.to));
  return ctx.db
    .select({
      id: promptLabelMoves.id,
      name: promptLabelMoves.promptName,
      label: promptLabelMoves.label,
      from: promptLabelMoves.fromVersion,
      to: promptLabelMoves.toVersion,
      movedBy: promptLabelMoves.movedBy,
      movedAt: promptLabelMoves.movedAt,
    })
    .from(promptLabelMoves)
    .where(and(...where))
    .orderBy(desc(promptLabelMoves.id))
    .limit(Math.min(Math.max(q.limit ?? 100, 1), 1000));
}

export type ChartAnnotation = { t: number; label: string };

/** Dashboard annotations: each production move in the range as "name: production → v7" (other labels do not deploy). */
export async function deployAnnotations(ctx: ProjectCtx, from: Date, to: Date): Promise<ChartAnnotation[]> {
  const moves = await listLabelMoves(ctx, { label: "production", from, to, limit: 50 });
  return moves.reverse().map((m) => ({ t: m.movedAt.getTime(), label: `${m.name}: production → v${m.to}` }));
}
