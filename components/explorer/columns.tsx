import type { ReactNode } from "react";
import type { RequestItem } from "@/lib/requests/item";
import { count, ms } from "@/lib/format";
import { usdExact } from "@/lib/format";
import { LocalTime } from "./local-time";
import { StatusBadge } from "./status-badge";

export type ColumnId =
  | "time" | "name" | "model" | "status" | "latency" | "ttft" | "tokens" | "cost" | "user"
  | "provider" | "environment" | "session" | "prompt" | "trace" | "id";

export type Column = { id: ColumnId; label: string; numeric?: boolean; fixed?: boolean; cell: (r: RequestItem) => ReactNode };

const num = (n: number | null) => (n === null ? "—" : count(n));
const muted = (text: string | null | undefined) => (text ? text : <span className="text-muted-fg">—</span>);

/** Every column the table can show; `fixed` ones (the sort key and the row's link) cannot be hidden. */
export const COLUMNS: Column[] = [
  { id: "time", label: "Time", fixed: true, cell: (r) => <LocalTime iso={r.startTime} /> },
  { id: "name", label: "Name / endpoint", fixed: true, cell: () => null }, // drawn by the table: it holds the row's link
  { id: "model", label: "Model", cell: (r) => <span className="inline-block min-w-28 break-words font-mono text-xs">{muted(r.model)}</span> },
  { id: "status", label: "Status", cell: (r) => <StatusBadge status={r.status} errorType={r.error?.type} /> },
  { id: "latency", label: "Latency", numeric: true, cell: (r) => ms(r.durationMs) },
  { id: "ttft", label: "TTFT", numeric: true, cell: (r) => ms(r.timeToFirstTokenMs) },
  {
    id: "tokens",
    label: "Tokens in / out",
    numeric: true,
    cell: (r) => (r.usage.inputTokens === null && r.usage.outputTokens === null ? muted(null) : `${num(r.usage.inputTokens)} / ${num(r.usage.outputTokens)} tok`),
  },
  { id: "cost", label: "Cost", numeric: true, cell: (r) => (r.costUsd === null && r.costSource === "unpriced" ? <span className="text-warning">unpriced</span> : r.costUsd === null ? muted(null) : usdExact(r.costUsd)) },
  { id: "user", label: "User", cell: (r) => muted(r.userId) },
  { id: "provider", label: "Provider", cell: (r) => muted(r.provider) },
  { id: "environment", label: "Environment", cell: (r) => r.environment },
  { id: "session", label: "Session", cell: (r) => muted(r.sessionId) },
  { id: "prompt", label: "Prompt", cell: (r) => (r.prompt ? `${r.prompt.name} v${r.prompt.version}` : muted(null)) },
  { id: "trace", label: "Trace", cell: (r) => <span className="font-mono text-xs">{muted(r.traceId)}</span> },
  { id: "id", label: "Request id", cell: (r) => <span className="font-mono text-xs">{r.id}</span> },
];

export const DEFAULT_COLUMNS: ColumnId[] = ["time", "name", "model", "status", "latency", "ttft", "tokens", "cost", "user"];
