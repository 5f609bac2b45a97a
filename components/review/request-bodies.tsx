import { ExternalLink } from "lucide-react";
import Link from "next/link";
import { Body } from "@/components/explorer/chat";
import { StatusBadge } from "@/components/explorer/status-badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { RequestDetail } from "@/lib/requests/get";

/** The request under review, rendered like the explorer, with its page (and trace) one click away. */
export function RequestBodies({ request, requestId, projectId, newTab }: { request: RequestDetail | null; requestId: string; projectId: string; newTab?: boolean }) {
  const href = `/p/${projectId}/requests/${encodeURIComponent(requestId)}`;
  const link = (
    <Link href={href} className="inline-flex items-center gap-1 text-sm text-primary hover:underline" {...(newTab ? { target: "_blank", rel: "noopener" } : {})}>
      Open request and trace <ExternalLink aria-hidden className="size-3.5" />
    </Link>
  );
  if (!request) {
    return (
      <Card>
        <CardHeader title="Request not stored" description={`${requestId} has not arrived yet (the SDK may still be sending it) or retention removed it. You can still score what you know, or skip.`} actions={link} />
      </Card>
    );
  }
  return (
    <div className="grid content-start gap-4">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted-fg">
        <StatusBadge status={request.status} errorType={request.error?.type} />
        <span className="font-medium text-fg">{request.name ?? request.endpoint ?? request.id}</span>
        <span className="font-mono text-xs">{request.model ?? "no model"}</span>
        {request.endpoint ? <span>{request.endpoint}</span> : null}
        {link}
      </div>
      <Card>
        <CardHeader title="Input" />
        <CardBody><Body value={request.input} side="input" /></CardBody>
      </Card>
      <Card>
        <CardHeader title="Output" />
        <CardBody><Body value={request.output} side="output" /></CardBody>
      </Card>
    </div>
  );
}
