import "server-only";
import { eq, gte, ilike, like, lt, or, sql, type SQL } from "drizzle-orm";
import { requests } from "@/db/schema";
import type { RequestFilters } from "@/lib/metrics/filters";

/**
 * The WHERE terms of a filtered request scan. Always scoped to the project and
 * bounded by the half-open time range on start_time, so only the day partitions
 * the range touches are read.
 */
export function requestConditions(projectId: string, f: RequestFilters): SQL[] {
  const where: SQL[] = [eq(requests.projectId, projectId), gte(requests.startTime, f.from), lt(requests.startTime, f.to)];
  if (f.model !== undefined) where.push(eq(requests.model, f.model));
  if (f.provider !== undefined) where.push(eq(requests.provider, f.provider));
  if (f.endpoint !== undefined) where.push(eq(requests.endpoint, f.endpoint));
  if (f.userId !== undefined) where.push(eq(requests.userId, f.userId));
  if (f.sessionId !== undefined) where.push(eq(requests.sessionId, f.sessionId));
  if (f.environment !== undefined) where.push(eq(requests.environment, f.environment));
  if (f.status !== undefined) where.push(eq(requests.status, f.status));
  if (f.errorType !== undefined) where.push(eq(requests.errorType, f.errorType));
  if (f.promptName !== undefined) where.push(eq(requests.promptName, f.promptName));
  if (f.promptVersion !== undefined) where.push(eq(requests.promptVersion, f.promptVersion));
  if (f.tags.length) where.push(sql`${requests.tags} @> ${sql.param(f.tags)}::text[]`);
  for (const [key, value] of Object.entries(f.metadata)) where.push(sql`${requests.metadata} ->> ${key} = ${value}`);
  for (const [key, variant] of Object.entries(f.flags)) where.push(sql`${requests.flags} ->> ${key} = ${variant}`);
  if (f.q !== undefined) where.push(searchCondition(f.q));
  return where;
}

/** LIKE gives %, _ and the backslash a meaning; a search for them means the characters themselves. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The explorer's text search. No index of its own (none on the ingest path): it is
 * one more filter on the same time-bounded, partition-pruned scan in (start_time, id)
 * order that stops at the page size, so its cost is bounded by the range. Equality
 * and prefix arms keep it cheap per row; only the error message is a substring match.
 */
function searchCondition(q: string): SQL {
  const prefix = `${literal(q)}%`;
  return or(
    like(requests.id, prefix),
    eq(requests.traceId, q),
    eq(requests.sessionId, q),
    eq(requests.userId, q),
    like(requests.endpoint, prefix),
    like(requests.name, prefix),
    ilike(requests.errorMessage, `%${literal(q)}%`),
  )!;
}
