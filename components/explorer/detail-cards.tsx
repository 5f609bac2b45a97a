import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { count } from "@/lib/format";
import type { RequestDetail } from "@/lib/requests/get";

/** A link to the list filtered to one value, so "who else / what else" is one click. */
function FilterLink({ base, name, value }: { base: string; name: string; value: string }) {
  return (
    <Link className="break-all text-primary hover:underline" href={`${base}?${new URLSearchParams({ [name]: value }).toString()}`} title={`Requests with this ${name}`}>
      {value}
    </Link>
  );
}

const pairs = (o: Record<string, unknown>) =>
  Object.keys(o).length ? (
    <ul className="flex flex-wrap gap-1">
      {Object.entries(o).map(([k, v]) => (
        <li key={k}><Badge className="font-mono">{k}={String(v)}</Badge></li>
      ))}
    </ul>
  ) : null;

/** Who, where and which version: every context field the request carries; absent ones are named in one line, not listed as blanks. */
export function ContextCard({ r, listPath }: { r: RequestDetail; listPath: string }) {
  const rows: [string, React.ReactNode][] = [
    ["Request id", <code key="id" className="break-all font-mono text-xs">{r.id}</code>],
    ["Trace", r.traceId && <FilterLink base={listPath} name="q" value={r.traceId} />],
    ["Parent", r.parentId && <Link className="break-all font-mono text-xs text-primary hover:underline" href={`${listPath}/${encodeURIComponent(r.parentId)}`}>{r.parentId}</Link>],
    ["Kind", r.kind],
    ["User", r.userId && <FilterLink base={listPath} name="userId" value={r.userId} />],
    ["Session", r.sessionId && <FilterLink base={listPath} name="sessionId" value={r.sessionId} />],
    ["Endpoint", r.endpoint && <FilterLink base={listPath} name="endpoint" value={r.endpoint} />],
    ["Release", r.release],
    ["Environment", r.environment],
    ["Prompt", r.prompt && `${r.prompt.name} v${r.prompt.version}`],
    ["Flags", pairs(r.flags)],
    ["Attempts", r.attempts !== null && count(r.attempts)],
    ["Fallback from", r.fallbackFrom],
    ["Cache hit", r.cacheHit !== null && (r.cacheHit ? "yes" : "no")],
    ["Tags", r.tags.length > 0 && <ul className="flex flex-wrap gap-1">{r.tags.map((t) => <li key={t}><Badge tone="info">{t}</Badge></li>)}</ul>],
    ["Metadata", pairs(r.metadata)],
    ["Redactions", pairs(r.redactions)],
  ];
  const present = rows.filter(([, v]) => v !== null && v !== undefined && v !== false && v !== "");
  const absent = rows.filter((row) => !present.includes(row)).map(([k]) => k.toLowerCase());
  return (
    <Card>
      <CardHeader title="Context" />
      <CardBody>
        <dl className="grid grid-cols-[7.5rem_1fr] gap-x-3 gap-y-2 text-sm">
          {present.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="text-muted-fg">{k}</dt>
              <dd className="min-w-0 break-words">{v}</dd>
            </div>
          ))}
        </dl>
        {absent.length ? <p className="mt-3 text-xs text-muted-fg">Not recorded: {absent.join(", ")}.</p> : null}
      </CardBody>
    </Card>
  );
}

/** How the cost was reached, line by line, as lib/requests/explain.ts words it. */
export function CostCard({ r }: { r: RequestDetail }) {
  const source = { given: "reported by the client", table: "shipped price table", override: "project price override", unpriced: "unpriced", none: "no cost" }[r.cost.source] ?? r.cost.source;
  return (
    <Card>
      <CardHeader title="Cost" description={`Source: ${source}`} />
      <CardBody>
        <ul className="grid gap-1 font-mono text-xs">
          {r.cost.lines.map((line, i) => <li key={i} className="break-words">{line}</li>)}
        </ul>
        {r.cost.source === "override" ? <p className="mt-2 text-xs text-muted-fg">Priced with this project&apos;s override, not the shipped table.</p> : null}
      </CardBody>
    </Card>
  );
}

export function ScoresCard({ r }: { r: RequestDetail }) {
  return (
    <Card>
      <CardHeader title="Scores" description={r.scores.length ? undefined : "No scores or feedback yet. Send them with POST /api/v1/scores or sextant.score()."} />
      {r.scores.length ? (
        <ul className="divide-y">
          {r.scores.map((s) => (
            <li key={s.id} className="grid gap-0.5 px-5 py-2.5 text-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="font-medium">{s.name}</span>
                <span className="font-mono tabular-nums">{s.value === null ? "—" : String(s.value)}</span>
              </div>
              <div className="flex flex-wrap gap-x-2 text-xs text-muted-fg">
                <span>{s.source}</span>
                <span>{s.dataType}</span>
                <Time value={s.createdAt} />
              </div>
              {s.comment ? <p className="whitespace-pre-wrap break-words text-xs">{s.comment}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
