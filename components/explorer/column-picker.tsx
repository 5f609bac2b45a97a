"use client";

import * as M from "@radix-ui/react-dropdown-menu";
import { Check, Columns3 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { MenuContent, MenuItem, MenuLabel, MenuSeparator } from "@/components/ui/dropdown-menu";
import { useColumnChoice } from "./column-choice";
import { COLUMNS, DEFAULT_COLUMNS, type ColumnId } from "./columns";

/** Which columns the table shows; the choice is this browser's and reaches the table through useColumnChoice. */
export function ColumnPicker() {
  const [shown, onChange] = useColumnChoice();
  const toggle = (id: ColumnId, on: boolean) => onChange(on ? [...shown, id] : shown.filter((c) => c !== id));
  return (
    <M.Root>
      <M.Trigger asChild>
        <Button variant="secondary" size="sm">
          <Columns3 aria-hidden /> Columns
        </Button>
      </M.Trigger>
      <MenuContent align="end">
        <MenuLabel>Columns shown</MenuLabel>
        {COLUMNS.filter((c) => !c.fixed).map((c) => (
          <M.CheckboxItem
            key={c.id}
            checked={shown.includes(c.id)}
            onCheckedChange={(on) => toggle(c.id, on === true)}
            onSelect={(e) => e.preventDefault()}
            className="flex cursor-pointer items-center gap-2 rounded-sm px-2 py-1.5 outline-none data-[highlighted]:bg-muted"
          >
            <span className="flex size-4 items-center justify-center rounded-sm border">
              <M.ItemIndicator>
                <Check aria-hidden className="size-3" />
              </M.ItemIndicator>
            </span>
            {c.label}
          </M.CheckboxItem>
        ))}
        <MenuSeparator />
        <MenuItem onSelect={() => onChange(DEFAULT_COLUMNS)}>Reset to default</MenuItem>
      </MenuContent>
    </M.Root>
  );
}
