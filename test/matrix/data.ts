// The permission matrix's verbs (see lib/auth/matrix.test.ts): requests, traces, metrics, model prices, and ingestion of events and scores.
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { modelPrices } from "@/db/schema/settings";
import { createModelPrice } from "@/lib/cost/overrides/create";
import { deleteModelPrice } from "@/lib/cost/overrides/delete";
import { listModelPrices } from "@/lib/cost/overrides/list";
import { queryMetrics } from "@/lib/metrics/query";
import { getRequest } from "@/lib/requests/get";
import { listRequests } from "@/lib/requests/list";
import { storeSmallTrace } from "@/lib/requests/test-events";
import { getTrace } from "@/lib/requests/trace";
import { ingestEvents } from "@/lib/ingest/ingest";
import { ingestScores } from "@/lib/scores/ingest";
import { db, readVerb, type Verb } from "./verb";

export const DATA_VERBS: Record<string, Verb> = {
  listRequests: readVerb(
    "requests.read",
    (w) => storeSmallTrace(w).then(() => ["matrix-2", "matrix-1"]),
    async (w, role) => (await listRequests(w.as(role), {})).items.map((i) => i.id),
  ),
  getRequest: readVerb(
    "requests.read",
    (w) => storeSmallTrace(w).then(() => "matrix-1"),
    async (w, role) => (await getRequest(w.as(role), "matrix-1")).id,
  ),
  getTrace: readVerb(
    "requests.read",
    (w) => storeSmallTrace(w).then(() => ["matrix-1", "matrix-2"]),
    async (w, role) => (await getTrace(w.as(role), "matrix-trace")).spans.map((s) => s.id),
  ),
  queryMetrics: readVerb(
    "requests.read",
    (w) => storeSmallTrace(w).then(() => 2),
    async (w, role) => (await queryMetrics(w.as(role), {})).groups[0]!.requests,
  ),
  listModelPrices: readVerb(
    "settings.read",
    async (w) => [(await createModelPrice(w.as("owner"), { modelPattern: "matrix-listed", inputPerMTok: "1", outputPerMTok: "2" })).id],
    async (w, role) => (await listModelPrices(w.as(role))).map((p) => p.id),
  ),
  createModelPrice: {
    action: "settings.update",
    prepare: async (w) => ({
      call: (role) => createModelPrice(w.as(role), { modelPattern: "matrix-*", inputPerMTok: "0.5", outputPerMTok: 1.5 }),
      verify: async () => {
        const rows = await db().select().from(modelPrices).where(eq(modelPrices.projectId, w.projectId));
        expect(rows.map((r) => [r.modelPattern, r.inputPerMTok, r.outputPerMTok])).toEqual([["matrix-*", "0.500000000", "1.500000000"]]);
      },
    }),
  },
  deleteModelPrice: {
    action: "settings.update",
    prepare: async (w) => {
      const price = await createModelPrice(w.as("owner"), { modelPattern: "matrix-deleted", inputPerMTok: "1", outputPerMTok: "2" });
      return {
        call: (role) => deleteModelPrice(w.as(role), { id: price.id }),
        verify: async () => expect(await db().select().from(modelPrices).where(eq(modelPrices.projectId, w.projectId))).toEqual([]),
      };
    },
  },
  ingestEvents: {
    action: "ingest.write",
    prepare: async (w) => ({
      call: (role) => ingestEvents(w.as(role), [{ id: "matrix-ingest", startTime: new Date().toISOString(), durationMs: 1 }]),
      verify: async () => undefined,
    }),
  },
  ingestScores: {
    action: "ingest.write",
    prepare: async (w) => ({
      call: (role) => ingestScores(w.as(role), [{ requestId: "r", name: "q", value: 1 }]),
      verify: async () => undefined,
    }),
  },
};
