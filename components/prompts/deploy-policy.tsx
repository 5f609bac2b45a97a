"use client";

import { updatePromptSettingsAction } from "@/app/(console)/p/[projectId]/prompts/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { useAction } from "@/components/ui/use-action";

/** Owners and admins choose whether members may move production; others see the rule. */
export function DeployPolicy({ projectId, membersMayDeploy, canManage }: { projectId: string; membersMayDeploy: boolean; canManage: boolean }) {
  const { error, pending, saved, run } = useAction();
  return (
    <div className="grid gap-2">
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          defaultChecked={membersMayDeploy}
          disabled={!canManage || pending}
          onChange={(e) => void run(() => updatePromptSettingsAction(projectId, { membersMayDeployProduction: e.target.checked }))}
        />
        Members may move the production label
      </label>
      <p className="text-xs text-muted-fg">
        Owners, admins and the project&apos;s secret key always may; staging and custom labels are open to members.{!canManage ? " Only owners and admins change this." : ""}
      </p>
      {saved ? <span role="status" className="text-xs text-success">Saved.</span> : null}
    </div>
  );
}
