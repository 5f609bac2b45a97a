import { Body } from "@/components/explorer/chat";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import type { ReviewEntry } from "@/lib/review/completed";
import { ScoreList } from "./score-list";

/** Every review of an item: answers, comment, correction. Read-only — see the note in the header. */
export function ReviewEntries({ reviews, rubric }: { reviews: ReviewEntry[]; rubric: string[] }) {
  return (
    <Card aria-label="Reviews">
      <CardHeader
        title="Reviews"
        description="Read-only: a completed review cannot be changed yet, because its scores are already in the quality metrics and changing them would mean taking the old ones back out. Ask for the item to be reviewed again in another queue instead."
      />
      {reviews.length === 0 ? <p className="px-5 py-4 text-sm text-muted-fg">No reviews yet.</p> : (
        <ul className="divide-y">
          {reviews.map((r) => (
            <li key={r.reviewerId} className="grid gap-2 px-5 py-3 text-sm" data-testid="review-entry">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{r.reviewer}</span>
                <Badge tone={r.status === "completed" ? "success" : "neutral"}>{r.status}</Badge>
                <span className="text-xs text-muted-fg"><Time value={r.reviewedAt} /></span>
              </div>
              {r.status === "completed" ? <ScoreList scores={r.scores} order={rubric} /> : null}
              {r.comment ? <p className="whitespace-pre-wrap break-words"><span className="text-muted-fg">Comment: </span>{r.comment}</p> : null}
              {r.correctedOutput !== null && r.correctedOutput !== undefined ? (
                <div className="grid gap-1">
                  <p className="text-xs font-medium uppercase tracking-wide text-muted-fg">Corrected output</p>
                  <Body value={r.correctedOutput} side="output" />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
