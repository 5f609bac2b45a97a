import { describe, expect, it } from "vitest";
import { previewRows, thresholdLines, verdict } from "./preview-rows";

const rule = { condition: { op: ">" as const, threshold: 0.1, warnThreshold: 0.05 }, severity: "critical" as const, minRequests: 20, noData: "ok" as const };

describe("rule preview", () => {
  it("one row per time, a column per group, rates in percent, no data as a gap", () => {
    const { rows, lines } = previewRows({ times: [1, 2], series: [{ key: "gpt-4o", values: [null, 0.3] }, { key: "t", values: [0, 0.01] }], current: [], truncated: false }, "error_rate");
    expect(rows).toEqual([{ t: 1, g0: null, g1: 0 }, { t: 2, g0: 30, g1: 1 }]);
    expect(lines).toEqual([{ key: "g0", name: "gpt-4o" }, { key: "g1", name: "t" }]);
  });

  it("threshold lines in display units, unfinished numbers left out", () => {
    expect(thresholdLines("error_rate", { op: ">", threshold: 0.1, warnThreshold: Number.NaN, recoverThreshold: 0.02 })).toEqual([
      { y: 10, kind: "threshold", label: "> 10.0 %" },
      { y: 2, kind: "recover", label: "recover 2.0 %" },
    ]);
  });

  it("verdicts follow the state machine: severity, warn level, minimum requests, no-data policy", () => {
    expect(verdict(rule, { value: 0.3, samples: 40 })).toEqual({ level: "critical", text: "breaches: critical" });
    expect(verdict(rule, { value: 0.07, samples: 40 }).level).toBe("warning");
    expect(verdict(rule, { value: 0.01, samples: 40 }).level).toBe("ok");
    expect(verdict(rule, { value: 0.5, samples: 3 }).text).toBe("3 < 20 requests: not judged");
    expect(verdict({ ...rule, noData: "alert" }, { value: null, samples: 0 }).level).toBe("no_data");
  });
});
