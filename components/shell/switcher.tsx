"use client";

import { Building2, Check, ChevronsUpDown, Plus } from "lucide-react";
import Link from "next/link";
import { Menu, MenuContent, MenuItem, MenuLabel, MenuSeparator, MenuTrigger } from "@/components/ui/dropdown-menu";

type Props = {
  orgs: { id: string; name: string }[];
  projects: { id: string; name: string }[];
  current: { orgId: string; orgName: string; projectId: string; projectName: string };
  canCreateProject: boolean;
};

/** Organization and project switcher: projects of this org, then other orgs. */
export function Switcher({ orgs, projects, current, canCreateProject }: Props) {
  return (
    <Menu>
      <MenuTrigger
        aria-label="Switch project"
        className="flex w-full items-center gap-2 rounded-md border bg-card px-3 py-2 text-left text-sm hover:bg-muted"
      >
        <span className="min-w-0 flex-1">
          <span className="block truncate text-xs text-muted-fg">{current.orgName}</span>
          <span className="block truncate font-medium">{current.projectName}</span>
        </span>
        <ChevronsUpDown aria-hidden className="size-4 text-muted-fg" />
      </MenuTrigger>
      <MenuContent align="start" className="w-64">
        <MenuLabel>Projects in {current.orgName}</MenuLabel>
        {projects.map((p) => (
          <MenuItem key={p.id} asChild>
            <Link href={`/p/${p.id}`}>
              <Check aria-hidden className={p.id === current.projectId ? "" : "invisible"} />
              <span className="truncate">{p.name}</span>
            </Link>
          </MenuItem>
        ))}
        {canCreateProject ? (
          <MenuItem asChild>
            <Link href={`/new-project?org=${current.orgId}`}>
              <Plus aria-hidden /> New project
            </Link>
          </MenuItem>
        ) : null}
        {orgs.length > 1 ? (
          <>
            <MenuSeparator />
            <MenuLabel>Organizations</MenuLabel>
            {orgs.map((o) => (
              <MenuItem key={o.id} asChild>
                <Link href={`/orgs/${o.id}`}>
                  <Building2 aria-hidden />
                  <span className="truncate">{o.name}</span>
                </Link>
              </MenuItem>
            ))}
          </>
        ) : null}
      </MenuContent>
    </Menu>
  );
}
