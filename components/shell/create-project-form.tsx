"use client";

import { useRouter } from "next/navigation";
import { createProjectAction } from "@/app/actions/projects";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { useAction } from "@/components/ui/use-action";

export function CreateProjectForm({ orgId }: { orgId: string }) {
  const router = useRouter();
  const { error, pending, run } = useAction();
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget).get("name") ?? "");
    const created = await run(() => createProjectAction(orgId, { name }));
    if (created) router.push(`/p/${created.id}`);
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
