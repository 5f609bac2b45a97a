import { Compass } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-4 text-center">
      <Compass aria-hidden className="size-10 text-muted-fg" />
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="max-w-sm text-sm text-muted-fg">This page does not exist, or it belongs to a project you are not a member of.</p>
      <Button asChild variant="secondary"><Link href="/">Back to your projects</Link></Button>
    </main>
  );
}
