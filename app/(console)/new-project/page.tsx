import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { CreateProjectForm } from "@/components/shell/create-project-form";
import { ErrorAlert } from "@/components/ui/alert";
import { Card, CardBody } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { listOrgsForUser } from "@/lib/access/resolve";
import { roleCan } from "@/lib/auth/permissions";
import { requireUserId } from "@/lib/auth/session";
import { listProjects } from "@/lib/projects/list";

export const metadata: Metadata = { title: "New project" };

export default async function NewProjectPage({ searchParams }: { searchParams: Promise<{ org?: string }> }) {
  const userId = await requireUserId();
  const { org: orgParam } = await searchParams;
  const db = getDb();
  const orgs = await listOrgsForUser(db, userId);
  const org = orgs.find((o) => o.id === orgParam) ?? orgs[0];
  if (!org) redirect("/sign-in");
  const existing = await listProjects({ db, orgId: org.id, actor: { type: "user", userId, email: "", role: org.role } });
  const first = existing.length === 0;
  return (
    <main className="mx-auto max-w-md px-4 pt-[10vh]">
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">{first ? "Create your first project" : "Create a project"}</h1>
      <p className="mb-6 text-sm text-muted-fg">
        A project holds one product&apos;s requests, keys, prompts, flags and alerts, in <strong className="text-fg">{org.name}</strong>.
      </p>
      <Card>
        <CardBody>
          {roleCan(org.role, "project.create") ? (
            <CreateProjectForm orgId={org.id} />
          ) : (
            <ErrorAlert>Your role ({org.role}) cannot create projects. Ask an owner or admin of {org.name}.</ErrorAlert>
          )}
        </CardBody>
      </Card>
      {!first ? (
        <p className="mt-4 text-center text-sm"><Link className="text-primary hover:underline" href={`/orgs/${org.id}`}>Back to the console</Link></p>
      ) : null}
    </main>
  );
}
