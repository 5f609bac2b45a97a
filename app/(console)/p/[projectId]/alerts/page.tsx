import { Bell } from "lucide-react";
import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Alerts" };

export default function Page() {
  return <ComingSoon title="Alerts" icon={Bell} what="Alert on any dashboard metric with pending/firing/resolved states, webhooks and Slack, silences and history." />;
}
