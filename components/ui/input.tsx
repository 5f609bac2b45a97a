import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return (
    <input
      className={cn(
        "h-9 w-full rounded-md border bg-card px-3 text-sm text-fg placeholder:text-muted-fg disabled:opacity-50 read-only:bg-muted aria-invalid:border-danger",
        className,
      )}
      {...props}
    />
  );
}

export function Select({ className, ...props }: ComponentProps<"select">) {
  return <select className={cn("h-9 rounded-md border bg-card px-2 text-sm text-fg disabled:opacity-50", className)} {...props} />;
}
