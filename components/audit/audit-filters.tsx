import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export const AUDIT_ACTIONS = [
  "org.create",
  "project.create",
  "project.update",
  "member.add",
  "member.update_role",
  "member.remove",
  "invite.create",
  "invite.revoke",
  "api_key.create",
  "api_key.revoke",
  "flag.create",
  "flag.update",
  "flag.toggle",
  "flag.delete",
];

/** A plain GET form: filters live in the URL, so a filtered view can be shared. */
export function AuditFilters({ action, actor }: { action?: string; actor?: string }) {
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
      <div className="grid gap-1.5">
        <Label htmlFor="audit-action">Action</Label>
        <Select id="audit-action" name="action" defaultValue={action ?? ""}>
          <option value="">All actions</option>
          {AUDIT_ACTIONS.map((a) => <option key={a} value={a}>{a}</option>)}
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="audit-actor">Actor</Label>
        <Input id="audit-actor" name="actor" defaultValue={actor ?? ""} placeholder="email or key name" className="w-56" />
      </div>
      <Button type="submit" variant="secondary">Filter</Button>
    </form>
  );
}
