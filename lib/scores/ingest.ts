import "server-only";
import { randomUUID } from "node:crypto";
import { Score, type IngestResponse, type Rejection } from "@sextant/sdk";
import { sql } from "drizzle-orm";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { hasUnstorableText } from "@/lib/http/body";
import { AppError, isConnectionError } from "@/lib/http/errors";
import { minuteOf } from "@/lib/ingest/rollup";
import { sampleOnFeedback } from "@/lib/review/sampling";

type ScoreRow = {
  project_id: string; id: string; request_id: string | null; trace_id: string | null; name: string;
  value_number: number | null; value_text: string | null; data_type: string; source: string; comment: string | null;
};

/**
 * Stores scores and feedback. Idempotent on `id` when the client gives one.
 * Numeric and boolean scores of a known request also feed the score rollups,
 * keyed by the scored request's minute and dimensions.
 */
export async function ingestScores(ctx: ProjectCtx, raw: unknown[]): Promise<IngestResponse> {
  assertCan(ctx, "ingest.write");
  const rejected: Rejection[] = [];
  const rows: ScoreRow[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  raw.forEach((item, index) => {
    const parsed = Score.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const id = (item as { id?: unknown } | null)?.id;
      rejected.push({ index, id: typeof id === "string" ? id : null, error: { code: "INVALID_SCORE", path: issue?.path.join(".") || "(score)", message: issue?.message ?? "Invalid score." } });
      return;
    }
    const s = parsed.data;
    if (hasUnstorableText(JSON.stringify(s))) {
      rejected.push({ index, id: s.id ?? null, error: { code: "INVALID_SCORE", path: "(score)", message: "Strings may not contain NUL or unpaired UTF-16 surrogates." } });
      return;
    }
    const id = s.id ?? randomUUID();
    if (seen.has(id)) return void duplicates++;
    seen.add(id);
    const isText = typeof s.value === "string";
    rows.push({
      project_id: ctx.projectId, id, request_id: s.requestId ?? null, trace_id: s.traceId ?? null, name: s.name,
      value_number: isText ? null : typeof s.value === "boolean" ? Number(s.value) : (s.value as number),
      value_text: isText ? (s.value as string) : null,
      data_type: isText ? "categorical" : typeof s.value === "boolean" ? "boolean" : "numeric",
      source: s.source, comment: s.comment ?? null,
    });
  });
  if (rows.length === 0) return { accepted: 0, duplicates, rejected };
  try {
    const inserted = await ctx.db.transaction(async (tx) => {
      const result = await tx.execute<{ id: string; request_id: string | null; name: string; value_number: number | null; data_type: string; source: string }>(sql`
        insert into scores (project_id, id, request_id, trace_id, name, value_number, value_text, data_type, source, comment)
        select project_id, id, request_id, trace_id, name, value_number, value_text, data_type, source, comment
        from json_to_recordset(${JSON.stringify(rows)}::json) as x(project_id uuid, id text, request_id text, trace_id text, name text,
          value_number float8, value_text text, data_type text, source text, comment text)
        on conflict do nothing returning id, request_id, name, value_number, data_type, source`);
      // Negative user feedback can send its request to a review queue (lib/review/sampling.ts).
      await sampleOnFeedback(tx, ctx.projectId, result.rows);
      const numeric = result.rows.filter((r) => r.request_id && r.value_number !== null);
      if (numeric.length) {
        // Dimensions come from the scored request; a score for a request not yet stored is kept but not rolled up.
        const requests = await tx.execute<{ id: string; start_time: string; model: string | null; endpoint: string | null; environment: string; prompt_name: string | null; prompt_version: number | null }>(sql`
          select r.id, r.start_time::text as start_time, r.model, r.endpoint, r.environment, r.prompt_name, r.prompt_version
          from request_ids i join requests r on r.project_id = i.project_id and r.start_time = i.start_time and r.id = i.id
          where i.project_id = ${ctx.projectId} and i.id = any(${sql.param([...new Set(numeric.map((n) => n.request_id!))])}::text[])`);
        const byId = new Map(requests.rows.map((r) => [r.id, r]));
        const deltas = new Map<string, Record<string, unknown>>();
        for (const n of numeric) {
          const r = byId.get(n.request_id!);
          if (!r) continue;
          const key = { project_id: ctx.projectId, bucket: minuteOf(new Date(r.start_time).toISOString()), name: n.name, model: r.model ?? "", endpoint: r.endpoint ?? "", environment: r.environment, prompt_name: r.prompt_name ?? "", prompt_version: r.prompt_version ?? 0 };
          const k = JSON.stringify(key);
          const d = deltas.get(k) ?? { ...key, sum: 0, count: 0 };
          d.sum = (d.sum as number) + n.value_number!;
          d.count = (d.count as number) + 1;
          deltas.set(k, d);
        }
        const records = [...deltas.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, v]) => v);
        if (records.length) {
          await tx.execute(sql`
            insert into score_rollups_minute (project_id, bucket, name, model, endpoint, environment, prompt_name, prompt_version, sum, count)
            select * from json_to_recordset(${JSON.stringify(records)}::json) as x(project_id uuid, bucket timestamptz, name text, model text,
              endpoint text, environment text, prompt_name text, prompt_version int, sum float8, count int8)
            on conflict (project_id, bucket, name, model, endpoint, environment, prompt_name, prompt_version)
            do update set sum = score_rollups_minute.sum + excluded.sum, count = score_rollups_minute.count + excluded.count`);
        }
      }
      return result.rows.length;
    });
    return { accepted: inserted, duplicates: duplicates + rows.length - inserted, rejected };
  } catch (err) {
    if (!isConnectionError(err)) console.error("[scores] write failed:", err);
    throw new AppError("UNAVAILABLE", "Scores could not be stored right now; nothing from this batch was kept. Retry after the given delay.", undefined, 2);
  }
}
