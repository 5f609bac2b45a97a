import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { ReviewScores, RubricItem } from "@/db/schema/review";
import type { QueueRow } from "./rows";

/** Per rubric line: on how many items with 2+ reviews every reviewer gave the same answer. */
export type Agreement = {
  items: number;
  scores: Record<string, { items: number; agreed: number; rate: number | null; meanAbsDifference?: number | null }>;
};

/** Agreement over the queue's items that have two or more completed reviews (text lines are not compared). */
export async function agreementOf(db: DbOrTx, projectId: string, queue: QueueRow): Promise<Agreement> {
  const r = await db.execute<{ item_id: string; scores: ReviewScores[] }>(sql`
    select item_id, jsonb_agg(scores) as scores from reviews
    where project_id = ${projectId} and queue_id = ${queue.id} and status = 'completed'
    group by item_id having count(*) >= 2`);
  return computeAgreement(queue.rubric, r.rows.map((x) => x.scores));
}

/** Pure: each entry is one item's answers, one per reviewer. */
export function computeAgreement(rubric: RubricItem[], items: ReviewScores[][]): Agreement {
  const scores: Agreement["scores"] = {};
  for (const line of rubric) {
    if (line.type === "text") continue;
    let compared = 0;
    let agreed = 0;
    let diffSum = 0;
    let pairs = 0;
    for (const answers of items) {
      const values = answers.map((a) => a[line.name]).filter((v) => v !== undefined);
      if (values.length < 2) continue;
      compared += 1;
      if (values.every((v) => v === values[0])) agreed += 1;
      if (line.type === "numeric") {
        for (let a = 0; a < values.length; a++) for (let b = a + 1; b < values.length; b++, pairs++) diffSum += Math.abs(Number(values[a]) - Number(values[b]));
      }
    }
    scores[line.name] = { items: compared, agreed, rate: compared ? agreed / compared : null };
    if (line.type === "numeric") scores[line.name]!.meanAbsDifference = pairs ? diffSum / pairs : null;
  }
  return { items: items.length, scores };
}
