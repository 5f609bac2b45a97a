"use client";

import { LogOut, UserRound } from "lucide-react";
import { signOut } from "next-auth/react";
import { Menu, MenuContent, MenuItem, MenuLabel, MenuSeparator, MenuTrigger } from "@/components/ui/dropdown-menu";

export function AccountMenu({ name, email, role }: { name: string; email: string; role: string }) {
  return (
    <Menu>
      <MenuTrigger aria-label="Account menu" className="flex size-9 items-center justify-center rounded-full border bg-card hover:bg-muted">
        <UserRound aria-hidden className="size-4" />
      </MenuTrigger>
      <MenuContent align="end">
        <MenuLabel className="text-fg">
          <span className="block text-sm">{name}</span>
          <span className="block text-xs font-normal text-muted-fg">{email} · {role}</span>
        </MenuLabel>
        <MenuSeparator />
        <MenuItem onSelect={() => void signOut({ callbackUrl: "/sign-in" })}>
          <LogOut aria-hidden /> Sign out
        </MenuItem>
      </MenuContent>
    </Menu>
  );
}
