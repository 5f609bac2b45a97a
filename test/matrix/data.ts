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
import { db, type Verb } from "./verb";

export const DATA_VERBS: Record<string, Verb> = {
  listRequests: {
    action: "requests.read",
    prepare: async (w) => {
      await storeSmallTrace(w);
      let ids: string[] = [];
      return {
        call: async (role) => (ids = (await listRequests(w.as(role), {})).items.map((i) => i.id)),
        verify: async () => expect(ids).toEqual(["matrix-2", "matrix-1"]),
      };
    },
  },
  getRequest: {
    action: "requests.read",
    prepare: async (w) => {
      await storeSmallTrace(w);
      let id = "";
      return {
        call: async (role) => (id = (await getRequest(w.as(role), "matrix-1")).id),
        verify: async () => expect(id).toBe("matrix-1"),
      };
    },
  },
  getTrace: {
    action: "requests.read",
    prepare: async (w) => {
      await storeSmallTrace(w);
      let spans: string[] = [];
      return {
        call: async (role) => (spans = (await getTrace(w.as(role), "matrix-trace")).spans.map((s) => s.id)),
        verify: async () => expect(spans).toEqual(["matrix-1", "matrix-2"]),
      };
    },
  },
  queryMetrics: {
    action: "requests.read",
    prepare: async (w) => {
      await storeSmallTrace(w);
      let requests = 0;
      return {
        call: async (role) => (requests = (await queryMetrics(w.as(role), {})).groups[0]!.requests),
        verify: async () => expect(requests).toBe(2),
      };
    },
  },
  listModelPrices: {
    action: "settings.read",
    prepare: async (w) => {
      const price = await createModelPrice(w.as("owner"), { modelPattern: "matrix-listed", inputPerMTok: "1", outputPerMTok: "2" });
      let ids: string[] = [];
      return {
        call: async (role) => (ids = (await listModelPrices(w.as(role))).map((p) => p.id)),
        verify: async () => expect(ids).toEqual([price.id]),
      };
    },
  },
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
