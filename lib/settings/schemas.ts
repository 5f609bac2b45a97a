import { z } from "zod";
import { DETECTOR_IDS, type DetectorId } from "@/lib/redaction/detectors";
import { compileCustomPattern } from "@/lib/redaction/redact";

export const DEFAULT_RETENTION_DAYS = 30;
export const MAX_CUSTOM_PATTERNS = 20;

export const RetentionDays = z.number().int("Retention is a whole number of days.").min(1, "Keep data for at least 1 day.").max(3650, "Keep data for at most 3650 days (10 years).");

export const CustomPattern = z.strictObject({
  name: z.string().regex(/^[a-z0-9_]{1,40}$/i, "Name the pattern with 1–40 letters, digits or underscores; it becomes the placeholder, e.g. order_id → [ORDER_ID]."),
  pattern: z
    .string()
    .min(1, "Give the pattern a regular expression.")
    .max(300, "Keep the pattern under 300 characters.")
    .superRefine((pattern, ctx) => {
      const compiled = compileCustomPattern(pattern);
      if ("error" in compiled) ctx.addIssue({ code: "custom", message: compiled.error });
    }),
});
export type CustomPattern = z.infer<typeof CustomPattern>;

const DetectorToggles = z.strictObject(Object.fromEntries(DETECTOR_IDS.map((id) => [id, z.boolean().optional()])) as Record<DetectorId, z.ZodOptional<z.ZodBoolean>>);

/** What PATCH /api/v1/settings accepts: every field optional; detectors merge, customPatterns replaces the list. */
export const ProjectSettingsInput = z.strictObject({
  retentionDays: RetentionDays.optional(),
  redaction: z
    .strictObject({
      detectors: DetectorToggles.optional(),
      customPatterns: z
        .array(CustomPattern)
        .max(MAX_CUSTOM_PATTERNS, `At most ${MAX_CUSTOM_PATTERNS} custom patterns.`)
        .superRefine((patterns, ctx) => {
          const seen = new Set<string>();
          patterns.forEach((p, i) => {
            const key = p.name.toLowerCase();
            if (seen.has(key) || (DETECTOR_IDS as readonly string[]).some((id) => id.toLowerCase() === key)) {
              ctx.addIssue({ code: "custom", path: [i, "name"], message: `"${p.name}" is already used by another pattern or a built-in detector; pick another name.` });
            }
            seen.add(key);
          });
        })
        .optional(),
    })
    .optional(),
});
export type ProjectSettingsInput = z.input<typeof ProjectSettingsInput>;

/** A project's settings as GET and PATCH answer them: every detector spelled out. */
export const ProjectSettings = z.object({
  retentionDays: z.number().int(),
  redaction: z.object({
    detectors: z.object(Object.fromEntries(DETECTOR_IDS.map((id) => [id, z.boolean()])) as Record<DetectorId, z.ZodBoolean>),
    customPatterns: z.array(z.object({ name: z.string(), pattern: z.string() })),
  }),
});
export type ProjectSettings = z.infer<typeof ProjectSettings>;
