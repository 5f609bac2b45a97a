import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

export function Table({ className, ...props }: ComponentProps<"table">) {
  return (
    <div className="w-full overflow-x-auto">
      <table className={cn("w-full caption-bottom text-sm", className)} {...props} />
    </div>
  );
}
export const THead = (p: ComponentProps<"thead">) => <thead className="border-b bg-muted/50 text-left text-xs uppercase tracking-wide text-muted-fg" {...p} />;
export const TBody = (p: ComponentProps<"tbody">) => <tbody className="divide-y" {...p} />;
export const Tr = (p: ComponentProps<"tr">) => <tr className="hover:bg-muted/40" {...p} />;
export const Th = ({ className, ...p }: ComponentProps<"th">) => <th scope="col" className={cn("px-4 py-2 font-medium", className)} {...p} />;
export const Td = ({ className, ...p }: ComponentProps<"td">) => <td className={cn("px-4 py-2.5 align-middle", className)} {...p} />;
