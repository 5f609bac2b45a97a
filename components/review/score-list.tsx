import type { ReviewScores } from "@/db/schema/review";

const show = (v: number | boolean | string) => (typeof v === "boolean" ? (v ? "yes" : "no") : String(v));

/** A review's answers as "name value" pairs, in rubric order when the rubric is given. */
export function ScoreList({ scores, order }: { scores: ReviewScores; order?: string[] }) {
  const names = order ? [...order.filter((n) => n in scores), ...Object.keys(scores).filter((n) => !order.includes(n))] : Object.keys(scores);
  if (names.length === 0) return <span className="text-muted-fg">—</span>;
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs">
      {names.map((n) => (
        <li key={n}><span className="text-muted-fg">{n}</span> <span className="font-medium">{show(scores[n]!)}</span></li>
      ))}
    </ul>
  );
}
