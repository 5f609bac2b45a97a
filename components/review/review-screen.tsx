"use client";

import { CheckCheck, Keyboard, SkipForward } from "lucide-react";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { claimAction, completeAction, skipAction } from "@/app/(console)/p/[projectId]/review/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import type { Claimed } from "@/lib/review/claim";
import type { Queue } from "@/lib/review/rows";
import { missing, takesKeys, toScores, valueForKey, type Answer, type Answers } from "./answers";
import { LockCountdown } from "./lock-countdown";
import { MarkdownView } from "./markdown-view";
import { RequestBodies } from "./request-bodies";
import { RubricPanel } from "./rubric-panel";
import { ShortcutsHelp } from "./shortcuts-help";
import { useReviewKeys } from "./use-review-keys";

type Phase = "loading" | "item" | "empty";
type Held = Extract<Claimed, { item: object }>;
const FIELD = "min-h-16 w-full rounded-md border bg-card px-2 py-1.5 text-sm";

/**
 * Claims the next item, shows it like the explorer with the rubric beside it, and sends the
 * verdict or the skip; then claims the next one at once. Every action has a key (see `?`).
 */
export function ReviewScreen({ projectId, queue }: { projectId: string; queue: Pick<Queue, "id" | "name" | "rubric" | "allowCorrection" | "instructions"> }) {
  const [phase, setPhase] = useState<Phase>("loading");
  const [held, setHeld] = useState<Held | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [active, setActive] = useState(0);
  const [comment, setComment] = useState("");
  const [correction, setCorrection] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [help, setHelp] = useState(false);
  const [done, setDone] = useState(0);
  const [status, setStatus] = useState("");
  const started = useRef(false);
  const rubric = queue.rubric;
  const base = `/p/${projectId}/review/${queue.id}`;

  const next = useCallback(async () => {
    setPhase("loading");
    const r = await claimAction(projectId, queue.id);
    if (!r.ok) {
      setError(r.error.message);
      setPhase(held ? "item" : "empty");
      return;
    }
    setError(null);
    setAnswers({});
    setActive(0);
    setComment("");
    setCorrection("");
    if (!r.data.item) {
      setHeld(null);
      setPhase("empty");
      return;
    }
    setHeld(r.data as Held);
    setPhase("item");
  }, [projectId, queue.id, held]);

  useEffect(() => {
    // One claim on arrival (React may run effects twice in development; a second claim would return the same item anyway).
    if (started.current) return;
    started.current = true;
    void next();
  }, [next]);

  function focusLine(i: number) {
    setActive(i);
    const line = rubric[i];
    if (line && !takesKeys(line)) requestAnimationFrame(() => document.getElementById(`answer-${line.name}`)?.focus());
  }

  function answer(name: string, value: Answer | undefined) {
    setAnswers((a) => {
      const copy = { ...a };
      if (value === undefined) delete copy[name];
      else copy[name] = value;
      return copy;
    });
  }

  async function submit() {
    if (!held || busy) return;
    const left = missing(rubric, answers);
    if (left.length) {
      setError(`Answer ${left.join(", ")} first.`);
      setActive(rubric.findIndex((l) => l.name === left[0]));
      return;
    }
    setBusy(true);
    const r = await completeAction(projectId, held.item.id, {
      scores: toScores(rubric, answers),
      ...(comment.trim() ? { comment: comment.trim() } : {}),
      ...(queue.allowCorrection && correction.trim() ? { correctedOutput: correction } : {}),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setDone((n) => n + 1);
    setStatus(`Saved ${held.item.requestId}. Loading the next item.`);
    await next();
  }

  async function skip() {
    if (!held || busy) return;
    setBusy(true);
    const r = await skipAction(projectId, held.item.id);
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setStatus(`Skipped ${held.item.requestId}. Loading the next item.`);
    await next();
  }

  useReviewKeys(
    {
      score: (key) => {
        const line = rubric[active];
        const value = line ? valueForKey(line, key) : undefined;
        if (value === undefined || !line) return false;
        answer(line.name, value);
        // Straight on to the next line that takes keys; text and wide scales wait for j or a click.
        if (active + 1 < rubric.length && takesKeys(rubric[active + 1]!)) setActive(active + 1);
        return true;
      },
      move: (by) => focusLine(Math.min(Math.max(active + by, 0), rubric.length - 1)),
      submit: () => void submit(),
      skip: () => void skip(),
      help: () => setHelp(true),
      focusField: (which) => document.getElementById(which === "comment" ? "review-comment" : "review-correction")?.focus(),
      openRequest: () => held && window.open(`/p/${projectId}/requests/${encodeURIComponent(held.item.requestId)}`, "_blank", "noopener"),
    },
    phase === "item" && !help && !busy,
  );

  const header = (
    <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-muted-fg" aria-live="polite"><span data-testid="session-count">{done}</span> reviewed in this session{status ? <span className="sr-only"> {status}</span> : null}</p>
      <Button type="button" variant="ghost" size="sm" onClick={() => setHelp(true)}><Keyboard aria-hidden /> Shortcuts <kbd className="font-mono text-xs">?</kbd></Button>
    </div>
  );

  if (phase === "empty") {
    return (
      <div className="grid gap-4">
        {header}
        {error ? <ErrorAlert>{error}</ErrorAlert> : null}
        <Card>
          <EmptyState icon={CheckCheck} title="Nothing left for you in this queue" action={<Button asChild variant="secondary"><Link href={base}>See the queue&apos;s progress</Link></Button>}>
            Every pending item is reviewed, held by someone else, or one you already reviewed or skipped. New items arrive as traffic is sampled.
          </EmptyState>
        </Card>
        <ShortcutsHelp open={help} onOpenChange={setHelp} />
      </div>
    );
  }

  return (
    <div className="grid gap-4">
      {header}
      {phase === "loading" || !held ? (
        <div role="status" aria-label="Loading the next item" className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <Skeleton className="h-72 w-full" />
          <Skeleton className="h-72 w-full" />
        </div>
      ) : (
        <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]" data-testid="review-item" data-request-id={held.item.requestId}>
          <RequestBodies request={held.request} requestId={held.item.requestId} projectId={projectId} newTab />
          <Card className="lg:sticky lg:top-4 lg:self-start" aria-label="Verdict">
            <CardBody className="grid gap-3">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 className="text-base font-semibold">Your verdict</h2>
                <LockCountdown until={held.item.lockedUntil} />
              </div>
              {held.item.reason ? <p className="text-xs text-muted-fg">Escalated: {held.item.reason}</p> : null}
              {queue.instructions ? (
                <details className="rounded-md border bg-muted/30 px-3 py-2">
                  <summary className="cursor-pointer text-sm font-medium">Instructions</summary>
                  <MarkdownView source={queue.instructions} className="mt-2" />
                </details>
              ) : null}
              <RubricPanel rubric={rubric} answers={answers} active={active} onAnswer={answer} onActivate={setActive} />
              {queue.allowCorrection ? (
                <label className="grid gap-1 text-sm font-medium">
                  <span>Corrected output <span className="font-normal text-muted-fg">(optional, key e)</span></span>
                  <textarea id="review-correction" className={FIELD} value={correction} onChange={(e) => setCorrection(e.target.value)} placeholder="What the output should have been" />
                </label>
              ) : null}
              <label className="grid gap-1 text-sm font-medium">
                <span>Comment <span className="font-normal text-muted-fg">(optional, key c)</span></span>
                <textarea id="review-comment" className={FIELD} value={comment} onChange={(e) => setComment(e.target.value)} />
              </label>
              {error ? <ErrorAlert>{error}</ErrorAlert> : null}
              <div className="flex flex-wrap gap-2">
                <Button type="button" onClick={() => void submit()} disabled={busy}>{busy ? "Saving…" : "Submit"} <kbd className="font-mono text-xs opacity-80">Enter</kbd></Button>
                <Button type="button" variant="secondary" onClick={() => void skip()} disabled={busy}><SkipForward aria-hidden /> Skip <kbd className="font-mono text-xs opacity-80">s</kbd></Button>
              </div>
            </CardBody>
          </Card>
        </div>
      )}
      <ShortcutsHelp open={help} onOpenChange={setHelp} />
    </div>
  );
}
