import { afterEach, describe, expect, it, vi } from "vitest";
import { GET } from "./route";

// Lets one test pretend the database is down; the others use the real check.
const db = vi.hoisted(() => ({ down: false }));
vi.mock("@/lib/health", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/health")>();
  return { databaseAnswers: (timeoutMs?: number) => (db.down ? Promise.resolve(false) : real.databaseAnswers(timeoutMs)) };
});

afterEach(() => {
  db.down = false;
});

describe("GET /api/health", () => {
  it("answers 200 {status: ok} when the database answers, uncached", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 with the error envelope and Retry-After when it does not", async () => {
    db.down = true;
    const res = await GET();
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("UNAVAILABLE");
    expect(body.error.message).toBeTruthy();
  });
});
