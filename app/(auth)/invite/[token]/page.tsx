import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvite } from "@/components/auth/accept-invite";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { getDb } from "@/db/client";
import { sessionUserId } from "@/lib/auth/session";
import { peekInvite } from "@/lib/members/peek-invite";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await peekInvite(getDb(), token);
  if (!invite || invite.status !== "open") {
    const why = !invite ? "This invite link is not valid." : invite.status === "used" ? "This invite link has already been used." : "This invite link has expired.";
    return (
      <>
        <h1 className="mb-4 text-2xl font-semibold tracking-tight">Invitation</h1>
        <ErrorAlert>{why} Ask an admin of the organization for a new one.</ErrorAlert>
      </>
    );
  }
  const signedIn = Boolean(await sessionUserId());
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Join {invite.orgName}</h1>
      <p className="mb-6 text-sm text-muted-fg">You were invited as <strong className="text-fg">{invite.role}</strong>.</p>
      {signedIn ? (
        <AcceptInvite token={token} />
      ) : (
        <div className="grid gap-3">
          <Button asChild><Link href={`/sign-up?invite=${encodeURIComponent(token)}`}>Create an account</Link></Button>
          <Button asChild variant="secondary"><Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`}>Sign in</Link></Button>
        </div>
      )}
    </>
  );
}
