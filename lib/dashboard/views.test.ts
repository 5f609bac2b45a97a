// The Errors view's toolkit rates: shed and budget-blocked calls, as the SDK records them.
import type { Event } from "@sextant/sdk";
import { describe, expect, it } from "vitest";
import { store } from "@/lib/requests/test-events";
import { makeWorld } from "@/test/factories";
import { loadView } from "./views";

const call = (id: string, extra: Partial<Event> = {}): Event => ({ id, startTime: Date.now() - 120_000, durationMs: 5, provider: "openai", model: "gpt-4o", ...extra });
const failed = (id: string, type: string): Event => call(id, { status: "error", error: { type, message: type, retryable: false } });

describe("errors view", () => {
  it("shows the shed and budget-blocked rates from the error-type breakdown", async () => {
    const w = await makeWorld();
    await store(w, [
      ...Array.from({ length: 14 }, (_, i) => call(`ok-${i}`)),
      failed("shed-1", "shed"), failed("shed-2", "shed"), failed("shed-3", "shed"),
      failed("blocked-1", "budget_blocked"),
      failed("boom-1", "server_error"), failed("boom-2", "server_error"),
    ]);
    const view = await loadView(w.as("viewer"), "errors", new URLSearchParams("range=1h"));
    expect(view.totals.requests).toBe(20);
    expect(view.toolkit).toEqual({ shed: 3, shedRate: 0.15, budgetBlocked: 1, budgetBlockedRate: 0.05 });
  });
});
