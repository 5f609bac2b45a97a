import { usd } from "@/lib/format";

/** Spend against the limit; without a match, the largest single spender is what the limit applies to. */
export function SpendBar({ spentUsd, limitUsd, perKey }: { spentUsd: number; limitUsd: number; perKey?: Record<string, number> }) {
  const top = perKey ? Object.entries(perKey).sort((a, b) => b[1] - a[1])[0] : undefined;
  const measured = perKey ? (top?.[1] ?? 0) : spentUsd;
  const ratio = limitUsd > 0 ? Math.min(1, measured / limitUsd) : 1;
  const over = measured >= limitUsd;
  return (
    <div className="grid gap-1">
      <div className="text-sm tabular-nums">
        {usd(measured)} <span className="text-muted-fg">of {usd(limitUsd)}</span>
        {top ? <span className="text-muted-fg"> · top: {top[0]}</span> : null}
      </div>
      <div className="h-1.5 w-full rounded bg-muted" role="meter" aria-label="Share of the limit spent" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(ratio * 100)}>
        <div className={over ? "h-full rounded bg-danger" : "h-full rounded bg-primary"} style={{ width: `${ratio * 100}%` }} />
      </div>
      {perKey ? <div className="text-xs text-muted-fg">{usd(spentUsd)} across {Object.keys(perKey).length}</div> : null}
    </div>
  );
}
