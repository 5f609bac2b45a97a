import "server-only";
import { z } from "zod";

// The alerting knobs, parsed once with zod. They belong beside the others in
// lib/config/env.ts; they live here until that file takes them.
const AlertEnv = z.object({
  SEXTANT_ALERT_TICK_SECONDS: z.coerce.number().int().min(5, "SEXTANT_ALERT_TICK_SECONDS must be at least 5").max(3600).default(60),
  /** Where people reach the console: links in notifications (generatorURL, Slack). */
  SEXTANT_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
});

let cached: z.infer<typeof AlertEnv> | undefined;

function alertEnv() {
  if (cached) return cached;
  const blank = (v: string | undefined) => (v === undefined || v.trim() === "" ? undefined : v.trim());
  const parsed = AlertEnv.safeParse({
    SEXTANT_ALERT_TICK_SECONDS: blank(process.env.SEXTANT_ALERT_TICK_SECONDS),
    SEXTANT_PUBLIC_URL: blank(process.env.SEXTANT_PUBLIC_URL),
    PORT: blank(process.env.PORT),
  });
  if (!parsed.success) throw new Error(`Invalid environment:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  return (cached = parsed.data);
}

export function alertTickMs(): number {
  return alertEnv().SEXTANT_ALERT_TICK_SECONDS * 1000;
}

export function consoleUrl(): string {
  const e = alertEnv();
  return (e.SEXTANT_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
}

export function ruleUrl(projectId: string, ruleId: string): string {
  return `${consoleUrl()}/p/${projectId}/alerts/${ruleId}`;
}
