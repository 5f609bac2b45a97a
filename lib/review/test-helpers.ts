// Fixtures for the review tests: a rubric covering every score type and requests
// stored through the real ingest path.
import type { Event } from "@sextant/sdk";
import type { CreateQueueInput } from "@/lib/review/schemas";
import { MINUTE, store } from "@/lib/requests/test-events";
import type { World } from "@/test/factories";

export const RUBRIC: CreateQueueInput["rubric"] = [
  { name: "helpful", type: "numeric", min: 1, max: 5 },
  { name: "correct", type: "boolean" },
  { name: "tone", type: "categorical", options: ["friendly", "neutral", "rude"] },
  { name: "notes", type: "text" },
];

export const answers = (helpful = 4) => ({ helpful, correct: true, tone: "friendly", notes: "fine" });

export function requestEvents(count: number, prefix = "rv", overrides: Partial<Event> = {}): Event[] {
  const start = Date.now() - 10 * MINUTE;
  return Array.from({ length: count }, (_, i): Event => ({
    id: `${prefix}-${String(i).padStart(5, "0")}`,
    traceId: `${prefix}-trace-${i}`,
    startTime: start + i,
    durationMs: 100,
    model: "gpt-4o",
    endpoint: "/chat",
    input: [{ role: "user", content: `question ${i}` }],
    output: { role: "assistant", content: `answer ${i}` },
    ...overrides,
  }));
}

export async function storeRequests(world: World, count: number, prefix = "rv", overrides: Partial<Event> = {}): Promise<string[]> {
  const events = requestEvents(count, prefix, overrides);
  await store(world, events);
  return events.map((e) => e.id);
}
