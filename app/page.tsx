import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { landingPath } from "@/lib/access/landing";
import { sessionUserId } from "@/lib/auth/session";

export default async function Home() {
  const userId = await sessionUserId();
  if (!userId) redirect("/sign-in");
  redirect(await landingPath(getDb(), userId));
}
