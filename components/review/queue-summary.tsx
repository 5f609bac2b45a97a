import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { Queue } from "@/lib/review/rows";
import { describeRule } from "./draft";
import { MarkdownView } from "./markdown-view";

const lineKind = (l: Queue["rubric"][number]) =>
  l.type === "numeric" ? `${l.min}–${l.max}` : l.type === "categorical" ? l.options!.join(" / ") : l.type === "boolean" ? "yes / no" : "text, optional";

/** The queue's set-up in words: instructions, rubric, rules and who reviews. */
export function QueueSummary({ queue, reviewerNames }: { queue: Queue; reviewerNames: string[] }) {
  return (
    <>
      <Card aria-label="Instructions">
        <CardHeader title="Instructions" />
        <CardBody>{queue.instructions ? <MarkdownView source={queue.instructions} /> : <p className="text-sm text-muted-fg">No instructions. Reviewers see the rubric only.</p>}</CardBody>
      </Card>
      <Card aria-label="Set-up">
        <CardHeader title="Set-up" />
        <CardBody className="grid gap-4 text-sm">
          <div>
            <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-muted-fg">Rubric</h3>
            <ul className="grid gap-1">
              {queue.rubric.map((l) => (
                <li key={l.name}>
                  <span className="font-medium">{l.name}</span> <span className="text-muted-fg">{lineKind(l)}</span>
                  {l.description ? <p className="text-xs text-muted-fg">{l.description}</p> : null}
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3 className="mb-1 text-xs font-medium uppercase tracking-wide text-muted-fg">Sampling rules</h3>
            {queue.samplingRules.length ? (
              <ul className="grid gap-1">{queue.samplingRules.map((r, i) => <li key={i} className="break-words">{describeRule(r)}</li>)}</ul>
            ) : <p className="text-muted-fg">None: items come from the Requests page, the API or sextant.escalate().</p>}
          </div>
          <div className="flex flex-wrap gap-2">
            <Badge>{queue.reviewsPerItem} {queue.reviewsPerItem === 1 ? "review" : "reviews"} per item</Badge>
            <Badge>lock {queue.lockSeconds} s</Badge>
            <Badge tone={queue.allowCorrection ? "info" : "neutral"}>{queue.allowCorrection ? "corrections allowed" : "no corrections"}</Badge>
            <Badge>{reviewerNames.length ? `reviewers: ${reviewerNames.join(", ")}` : "any reviewer"}</Badge>
          </div>
        </CardBody>
      </Card>
    </>
  );
}
