"use client";

import { renameProjectAction } from "@/app/actions/projects";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { useAction } from "@/components/ui/use-action";

export function RenameProjectForm({ projectId, name, disabled }: { projectId: string; name: string; disabled: boolean }) {
  const { error, pending, saved, run } = useAction();
  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget).get("name") ?? "");
    await run(() => renameProjectAction(projectId, { name }));
  }
  return (
    <form onSubmit={onSubmit} className="grid max-w-md gap-4" noValidate>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      <Field id="project-name" label="Project name" hint={disabled ? "Only owners and admins can rename the project." : undefined}>
        <Input id="project-name" name="name" defaultValue={name} maxLength={80} disabled={disabled} required />
      </Field>
      {!disabled ? (
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save"}</Button>
          {saved ? <span role="status" className="text-sm text-success">Saved.</span> : null}
        </div>
      ) : null}
    </form>
  );
}
