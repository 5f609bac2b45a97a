import { describe, expect, it } from "vitest";
import { bearer, keyKind } from "./keys.js";
import { ErrorEnvelope, errorStatus, isRetryableStatus } from "./errors.js";

describe("keyKind", () => {
  it("recognises public and secret keys", () => {
    expect(keyKind("pk-abcdefghijklmnop1234")).toBe("public");
    expect(keyKind("sk-abcdefghijklmnop1234")).toBe("secret");
  });
  it("rejects strings that are not keys", () => {
    expect(keyKind("sk-short")).toBeNull();
    expect(keyKind("Bearer sk-abcdefghijklmnop1234")).toBeNull();
    expect(keyKind("xk-abcdefghijklmnop1234")).toBeNull();
    expect(keyKind("sk-abcdefghijklmnop 1234")).toBeNull();
  });
  it("builds an Authorization header", () => {
    expect(bearer("sk-x")).toBe("Bearer sk-x");
  });
});

describe("error envelope", () => {
  it("parses the shared envelope and rejects unknown codes", () => {
    expect(ErrorEnvelope.parse({ error: { code: "NOT_FOUND", message: "No such project." } }).error.code).toBe("NOT_FOUND");
    expect(ErrorEnvelope.safeParse({ error: { code: "OOPS", message: "x" } }).success).toBe(false);
  });
  it("maps codes to statuses and knows what is retryable", () => {
    expect(errorStatus.UNPROCESSABLE_ENTITY).toBe(422);
    expect(isRetryableStatus(429)).toBe(true);
    expect(isRetryableStatus(422)).toBe(false);
  });
});
