import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { DELETE, GET, POST } from "./route";

describe("unknown /api/v1 routes", () => {
  it.each([
    ["GET", GET],
    ["POST", POST],
    ["DELETE", DELETE],
  ] as const)("answers %s with a 404 envelope", async (method, handler) => {
    const res = await handler(new NextRequest("http://localhost/api/v1/no/such/route", { method }));
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(Object.keys(body)).toEqual(["error"]);
    expect(body.error.code).toBe("NOT_FOUND");
    expect(body.error.message).toContain(`${method} /api/v1/no/such/route`);
  });
});
