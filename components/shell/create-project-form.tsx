"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createProjectAction } from "@/app/actions/projects";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";

export function CreateProjectForm({ orgId }: { orgId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget).get("name") ?? "");
    setPending(true);
    setError(null);
    const result = await createProjectAction(orgId, { name });
    if (!result.ok) {
      setPending(false);
      setError(result.error.message);
      return;
    }
    router.push(`/p/${result.data.id}`);
  }
  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      <Field id="project-name" label="Project name" hint="Usually the product or feature you are instrumenting, e.g. “Support bot”.">
        <Input id="project-name" name="name" required maxLength={80} autoFocus />
      </Field>
      <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create project"}</Button>
    </form>
  );
}
