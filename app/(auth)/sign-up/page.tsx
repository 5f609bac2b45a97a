import type { Metadata } from "next";
import { SignUpForm } from "@/components/auth/sign-up-form";

export const metadata: Metadata = { title: "Create account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ invite?: string }> }) {
  const { invite } = await searchParams;
  const token = typeof invite === "string" ? invite : undefined;
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Create your account</h1>
      <p className="mb-6 text-sm text-muted-fg">
        {token ? "You were invited to an organization; you will join it as soon as your account exists." : "You will get your own organization and can invite your team."}
      </p>
      <SignUpForm inviteToken={token} />
    </>
  );
}
