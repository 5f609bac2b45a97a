import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/errors";
import { parseFilterInput, parseFilters } from "./filters";

const parse = (query: string) => parseFilters(new URLSearchParams(query));

function refused(query: string): AppError {
  try {
    parse(query);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("UNPROCESSABLE_ENTITY");
    return err as AppError;
  }
  throw new Error(`expected ${query} to be refused`);
}

describe("parseFilters", () => {
  it("defaults to the last 24 hours with no other filter", () => {
    const before = Date.now();
    const f = parse("");
    expect(f.to.getTime()).toBeGreaterThanOrEqual(before);
    expect(f.to.getTime() - f.from.getTime()).toBe(86_400_000);
    expect(f).toMatchObject({ tags: [], metadata: {}, flags: {} });
    expect(f.model).toBeUndefined();
  });

  it("reads RFC 3339 times with a zone and epoch milliseconds", () => {
    const f = parse("from=2026-11-26T10:00:00%2B02:00&to=1795687200000");
    expect(f.from.toISOString()).toBe("2026-11-26T08:00:00.000Z");
    expect(f.to.getTime()).toBe(1_795_687_200_000);
    // Only `from`: `to` is now.
    expect(Date.now() - parse(`from=${Date.now() - 1000}`).to.getTime()).toBeLessThan(1000);
    // Only `to`: `from` is a day before it.
    expect(parse("to=2026-11-26T00:00:00Z").from.toISOString()).toBe("2026-11-25T00:00:00.000Z");
  });

  it("reads every filter, repeated tags, metadata.* and flag.*", () => {
    const f = parse(
      "model=gpt-4o&provider=openai&endpoint=%2Fchat&userId=u1&sessionId=s1&environment=staging&status=error&errorType=timeout" +
        "&promptName=greeter&promptVersion=3&tag=a&tag=b&metadata.plan=pro&metadata.region=eu&flag.beta=on&flag.new-ui=control&cursor=ignored",
    );
    expect(f).toMatchObject({
      model: "gpt-4o", provider: "openai", endpoint: "/chat", userId: "u1", sessionId: "s1", environment: "staging", status: "error",
      errorType: "timeout", promptName: "greeter", promptVersion: 3, tags: ["a", "b"],
      metadata: { plan: "pro", region: "eu" }, flags: { beta: "on", "new-ui": "control" },
    });
  });

  it("treats empty values as absent", () => {
    const f = parse("model=&status=&tag=");
    expect(f.model).toBeUndefined();
    expect(f.status).toBeUndefined();
    expect(f.tags).toEqual([]);
  });

  it("parses its own output to the same filters", () => {
    const f = parse("from=1795600000000&to=1795687200000&model=m&metadata.k=v");
    expect(parseFilterInput(f)).toEqual(f);
  });

  it.each([
    ["from=yesterday", "from"],
    ["to=2026-11-26T10:00:00", "to"],
    ["from=2026-11-26T10:00:00Z&to=2026-11-26T10:00:00Z", "to"],
    ["from=2026-11-27T00:00:00Z&to=2026-11-26T00:00:00Z", "to"],
    ["from=2025-01-01T00:00:00Z&to=2026-11-26T00:00:00Z", "from"],
    ["status=failed", "status"],
    ["promptVersion=one", "promptVersion"],
    ["promptVersion=0", "promptVersion"],
    ["metadata.=x", "metadata"],
    ["flag.beta=", "flags.beta"],
  ])("refuses %s with 422 naming %s", (query, path) => {
    const err = refused(query);
    expect(err.issues?.[0]?.path.startsWith(path)).toBe(true);
    expect(err.message.length).toBeGreaterThan(10);
  });
});
