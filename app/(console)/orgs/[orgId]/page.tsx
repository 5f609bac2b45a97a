import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { landingPath } from "@/lib/access/landing";
import { requireUserId } from "@/lib/auth/session";

/** Switching organization lands on its first project. */
export default async function OrgPage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  redirect(await landingPath(getDb(), await requireUserId(), orgId));
}
