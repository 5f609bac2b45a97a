import "server-only";
import type { IngestResponse } from "@sextant/sdk";
import { loadOverrides } from "@/lib/cost/overrides/load";
import { priceEvent } from "@/lib/cost/compute";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { loadIngestSettings } from "@/lib/settings/load";
import { validateEvents } from "./normalize";
import { dayOf } from "./partitions";
import { toRows, type BodyRow, type RequestRow } from "./rows";
import { submit } from "./writer";

/** Events validated, redacted and priced between two yields to the event loop. */
const SLICE = 100;

/**
 * Stores a batch of events: validate each → redact → price → group commit.
 * Resolves only after the transaction holding these events has committed.
 */
export async function ingestEvents(ctx: ProjectCtx, raw: unknown[], opts: { checkText?: boolean } = {}): Promise<IngestResponse> {
  assertCan(ctx, "ingest.write");
  const { valid, rejected } = validateEvents(raw, opts);
  const [settings, overrides] = await Promise.all([loadIngestSettings(ctx.db, ctx.projectId), loadOverrides(ctx.db, ctx.projectId)]);
  const rows: RequestRow[] = [];
  const bodies: BodyRow[] = [];
  const days = new Set<string>();
  for (let i = 0; i < valid.length; i++) {
    // Yield between slices: a 1,000-event batch is tens of ms of CPU, and the group
    // commit's database round trips must not wait behind it.
    if (i > 0 && i % SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
    const v = valid[i]!;
    const { event, counts } = settings.redactor.event(v.event);
    const { row, body } = toRows(ctx.projectId, v, event, counts, priceEvent(event, overrides));
    rows.push(row);
    if (body) bodies.push(body);
    days.add(dayOf(v.startMs));
  }
  const { accepted, duplicates } = await submit(ctx.db, { rows, bodies }, [...days]);
  return { accepted, duplicates, rejected };
}
