import { Compass } from "lucide-react";
import Link from "next/link";
import { AccountMenu } from "@/components/shell/account-menu";
import { Nav } from "@/components/shell/nav";
import { Switcher } from "@/components/shell/switcher";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { shellData } from "@/lib/access/shell";
import { requireProject } from "@/lib/auth/session";

export default async function ProjectLayout({ children, params }: { children: React.ReactNode; params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const shell = await shellData(await requireProject(projectId));
  return (
    <div className="min-h-screen md:grid md:grid-cols-[15rem_1fr]">
      <aside className="border-b bg-card md:sticky md:top-0 md:h-screen md:border-b-0 md:border-r">
        <div className="flex items-center justify-between gap-2 px-4 py-3 md:py-4">
          <Link href="/" className="flex items-center gap-2 font-semibold">
            <Compass aria-hidden className="size-5 text-primary" /> Sextant
          </Link>
          <div className="flex items-center gap-1 md:hidden">
            <ThemeToggle />
            <AccountMenu {...shell.user} />
          </div>
        </div>
        <div className="px-3 pb-3">
          <Switcher orgs={shell.orgs} projects={shell.projects} current={shell.current} canCreateProject={shell.canCreateProject} />
        </div>
        <div className="px-3 pb-3">
          <Nav projectId={projectId} reviewerOnly={shell.user.role === "reviewer"} />
        </div>
      </aside>
      <div className="min-w-0">
        <header className="hidden h-14 items-center justify-end gap-2 border-b bg-card/60 px-6 md:flex">
          <ThemeToggle />
          <AccountMenu {...shell.user} />
        </header>
        <main className="mx-auto max-w-6xl px-4 py-6 md:px-8">{children}</main>
      </div>
    </div>
  );
}
