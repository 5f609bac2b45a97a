import { Badge } from "@/components/ui/badge";

/** Labels on a version: production stands out, latest is quiet. */
export function LabelBadges({ labels }: { labels: string[] }) {
  if (labels.length === 0) return <span className="text-muted-fg">—</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {labels.map((l) => (
        <Badge key={l} tone={l === "production" ? "success" : l === "latest" ? "neutral" : "info"}>{l}</Badge>
      ))}
    </span>
  );
}
