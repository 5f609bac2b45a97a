import { ErrorAlert } from "@/components/ui/alert";
import type { Issue } from "@/components/ui/use-field-action";

/** The action's error, with every field issue listed by path (each field shows its own too). */
export function ActionError({ error, issues, strip = "" }: { error: string | null; issues: Issue[]; strip?: string }) {
  if (!error) return null;
  return (
    <ErrorAlert>
      <p>{error}</p>
      {issues.length ? (
        <ul className="mt-1 list-disc pl-4">
          {issues.map((i) => <li key={`${i.path}:${i.message}`}><code className="font-mono text-xs">{i.path.startsWith(strip) ? i.path.slice(strip.length) : i.path}</code>: {i.message}</li>)}
        </ul>
      ) : null}
    </ErrorAlert>
  );
}

/** Why a control is read-only, said once where the controls are. */
export function ReadOnlyNote({ role }: { role: string }) {
  return <p className="text-sm text-muted-fg">Read-only: the {role} role can read flags but not change them. Ask a member, admin or owner.</p>;
}
