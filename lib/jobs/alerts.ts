import "server-only";
import type { Db } from "@/db/client";
import { alertTickMs } from "@/lib/alerts/config";
import { alertTick } from "@/lib/alerts/tick";

/** The alert evaluator: every SEXTANT_ALERT_TICK_SECONDS (default 60), on one instance at a time (the scheduler's advisory lock). */
export function alertsJob() {
  return { name: "alerts", lock: 7_318_303, everyMs: alertTickMs(), run: (db: Db) => alertTick(db) };
}
