"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { signUpAction } from "@/app/actions/account";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";

type FieldErrors = Partial<Record<"name" | "email" | "password", string>>;

export function SignUpForm({ inviteToken }: { inviteToken?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const input = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), password: String(form.get("password") ?? ""), inviteToken };
    setPending(true);
    setError(null);
    setFields({});
    const result = await signUpAction(input);
    if (!result.ok) {
      setPending(false);
      const byField: FieldErrors = {};
      for (const issue of result.error.issues ?? []) byField[issue.path as keyof FieldErrors] ??= issue.message;
      setFields(byField);
      setError(result.error.issues?.length ? "Check the highlighted fields." : result.error.message);
      return;
    }
    const res = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
    if (!res || res.error) {
      setPending(false);
      setError("Your account was created, but signing in failed. Try signing in.");
      return;
    }
    router.replace("/");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      <Field id="name" label="Name" error={fields.name}>
        <Input id="name" name="name" autoComplete="name" required autoFocus aria-invalid={Boolean(fields.name)} />
      </Field>
      <Field id="email" label="Email" error={fields.email}>
        <Input id="email" name="email" type="email" autoComplete="email" required aria-invalid={Boolean(fields.email)} />
      </Field>
      <Field id="password" label="Password" hint="At least 10 characters." error={fields.password}>
        <Input id="password" name="password" type="password" autoComplete="new-password" required aria-invalid={Boolean(fields.password)} />
      </Field>
      <Button type="submit" disabled={pending}>{pending ? "Creating account…" : "Create account"}</Button>
      <p className="text-center text-sm text-muted-fg">
        Already have an account?{" "}
        <Link className="text-primary underline-offset-4 hover:underline" href={inviteToken ? `/sign-in?callbackUrl=/invite/${inviteToken}` : "/sign-in"}>
          Sign in
        </Link>
      </p>
    </form>
  );
}
