import { FlagTriangleRight } from "lucide-react";
import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Flags" };

export default function Page() {
  return <ComingSoon title="Flags" icon={FlagTriangleRight} what="Roll AI features out gradually with targeting rules, sticky percentages and a kill switch, evaluated locally by the SDK." />;
}
