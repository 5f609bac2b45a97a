import { z } from "zod";
import { errText } from "./exporter-transport.js";
import { EnvironmentName, FlagKey, VariantName } from "./flags/schema.js";

/**
 * `POST /api/v1/flags/exposures`: how often each flag served each variant in one window
 * (the SDK sends one a minute). The server adds the counts into the hour `startTime` falls in.
 */
export const FlagExposures = z.object({
  environment: EnvironmentName,
  /** Start of the counting window, epoch ms. */
  startTime: z.number().int().nonnegative(),
  exposures: z
    .array(z.object({ flag: FlagKey, variant: VariantName, count: z.number().int().min(1).max(1e12) }))
    .min(1, "Send at least one exposure count.")
    .max(10_000, "Send at most 10000 exposure counts per request."),
});
export type FlagExposures = z.infer<typeof FlagExposures>;

export type ExposureSenderOptions = {
  baseUrl: string;
  /** Exposures are telemetry, like ingestion: the secret key. Without one nothing is sent. */
  secretKey: string | undefined;
  environment: string;
  intervalMs: number;
  fetch?: typeof fetch;
  report: (message: string) => void;
};

/** Distinct flag/variant pairs kept between sends; more are dropped (and said once). */
const MAX_PAIRS = 10_000;

/**
 * Counts evaluations per flag and variant, and sends the counts once per interval. Counting
 * is one map lookup; the timer is unref'd. A failed send puts its counts back into the next
 * window, so counts are at-least-once: an answer lost after the server stored it counts twice
 * (they are a usage signal for stale-flag hints and variant shares, not billing).
 */
export class ExposureCounter {
  private counts = new Map<string, number>();
  private windowStart = Date.now();
  private timer: NodeJS.Timeout | null = null;
  private sending: Promise<void> | null = null;
  private overflowSaid = false;
  private closed = false;

  constructor(private readonly o: ExposureSenderOptions) {}

  count(flag: string, variant: string): void {
    if (this.closed || !this.o.secretKey) return;
    const k = `${flag}\u0000${variant}`;
    const n = this.counts.get(k);
    if (n !== undefined) this.counts.set(k, n + 1);
    else if (this.counts.size < MAX_PAIRS) this.counts.set(k, 1);
    else if (!this.overflowSaid) {
      this.overflowSaid = true;
      this.o.report(`Sextant counts exposures of at most ${MAX_PAIRS} flag/variant pairs per window; more are not counted`);
    }
    if (this.timer === null) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.flush();
      }, this.o.intervalMs);
      this.timer.unref();
    }
  }

  /** Sends what was counted so far; resolves when sent or failed. Never rejects. */
  flush(): Promise<void> {
    if (this.sending) return this.sending.then(() => this.flush());
    if (this.counts.size === 0) return Promise.resolve();
    const counts = this.counts;
    const startTime = this.windowStart;
    this.counts = new Map();
    this.windowStart = Date.now();
    this.sending = this.send(counts, startTime).finally(() => (this.sending = null));
    return this.sending;
  }

  /** Sends the last counts (bounded by the request timeout) and stops counting. */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
    this.closed = true;
  }

  private async send(counts: Map<string, number>, startTime: number): Promise<void> {
    const exposures = [...counts].map(([k, count]) => {
      const [flag, variant] = k.split("\u0000") as [string, string];
      return { flag, variant, count };
    });
    const body: FlagExposures = { environment: this.o.environment, startTime, exposures };
    try {
      const res = await (this.o.fetch ?? fetch)(`${this.o.baseUrl.replace(/\/+$/, "")}/api/v1/flags/exposures`, {
        method: "POST",
        headers: { authorization: `Bearer ${this.o.secretKey}`, "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      await res.text().catch(() => "");
      if (res.ok) return;
      if (res.status < 500 && res.status !== 429) return this.o.report(`Sextant flag exposures refused: HTTP ${res.status}; ${exposures.length} counts dropped`);
      this.restore(counts);
      this.o.report(`Sextant could not send flag exposures: HTTP ${res.status}; retried with the next window`);
    } catch (err) {
      this.restore(counts);
      this.o.report(`Sextant could not send flag exposures: ${errText(err)}; retried with the next window`);
    }
  }

  private restore(counts: Map<string, number>): void {
    if (this.closed) return;
    for (const [k, n] of counts) {
      const now = this.counts.get(k);
      if (now !== undefined) this.counts.set(k, now + n);
      else if (this.counts.size < MAX_PAIRS) this.counts.set(k, n);
    }
    if (this.timer === null && this.counts.size > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.flush();
      }, this.o.intervalMs);
      this.timer.unref();
    }
  }
}
