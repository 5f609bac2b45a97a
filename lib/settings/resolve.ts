import type { RedactionSettings } from "@/db/schema/settings";
import { DETECTOR_IDS, type DetectorId } from "@/lib/redaction/detectors";
import { DEFAULT_RETENTION_DAYS, type ProjectSettings, type ProjectSettingsInput } from "./schemas";

/** A stored row (or none) as the full settings: a detector is on unless stored as false. */
export function resolveSettings(row: { retentionDays: number; redaction: RedactionSettings | null } | null): ProjectSettings {
  const stored = row?.redaction;
  return {
    retentionDays: row?.retentionDays ?? DEFAULT_RETENTION_DAYS,
    redaction: {
      detectors: Object.fromEntries(DETECTOR_IDS.map((id) => [id, stored?.detectors?.[id] !== false])) as Record<DetectorId, boolean>,
      customPatterns: (stored?.customPatterns ?? []).map((p) => ({ name: p.name, pattern: p.pattern })),
    },
  };
}

/** The settings after a PATCH: given detectors override, a given pattern list replaces the old one. */
export function mergeSettings(before: ProjectSettings, input: ProjectSettingsInput): ProjectSettings {
  const toggles = input.redaction?.detectors;
  return {
    retentionDays: input.retentionDays ?? before.retentionDays,
    redaction: {
      detectors: Object.fromEntries(DETECTOR_IDS.map((id) => [id, toggles?.[id] ?? before.redaction.detectors[id]])) as Record<DetectorId, boolean>,
      customPatterns: (input.redaction?.customPatterns ?? before.redaction.customPatterns).map((p) => ({ name: p.name, pattern: p.pattern })),
    },
  };
}
