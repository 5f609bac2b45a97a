import "server-only";
import type { Flag } from "@sextant/sdk";
import type { flags } from "@/db/schema";
import type { FlagRecord } from "./schemas";

type FlagRow = typeof flags.$inferSelect;

/** A stored row → the SDK's `Flag` (what the config endpoint serves and the audit log keeps). */
export function toFlag(row: FlagRow): Flag {
  const flag: Flag = { key: row.key, type: row.type, variants: row.variants, environments: row.environments };
  if (row.description !== null) flag.description = row.description;
  if (row.tags !== null) flag.tags = row.tags;
  return flag;
}

export function toRecord(row: FlagRow): FlagRecord {
  return { ...toFlag(row), version: row.version, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

/** The columns a validated flag is stored in. */
export function toColumns(flag: Flag) {
  return {
    type: flag.type,
    description: flag.description ?? null,
    tags: flag.tags ?? null,
    variants: flag.variants,
    environments: flag.environments,
  };
}
