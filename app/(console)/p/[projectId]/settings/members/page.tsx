import type { Metadata } from "next";
import { InviteDialog } from "@/components/members/invite-dialog";
import { RemoveMemberButton, RevokeInviteButton, RoleSelect } from "@/components/members/member-row-actions";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { ROLE_RANK, ROLES, type Role } from "@/lib/auth/permissions";
import { requireProject } from "@/lib/auth/session";
import { can } from "@/lib/context";
import { listMembers } from "@/lib/members/list";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const ctx = await requireProject(projectId);
  const { members, invites } = await listMembers(ctx);
  const myRole: Role = ctx.actor.type === "user" ? ctx.actor.role : "viewer";
  // The UI offers only the roles the server would accept from you.
  const grantable = ROLES.filter((r) => ROLE_RANK[r] <= ROLE_RANK[myRole]);
  const canInvite = can(ctx.actor, "member.invite");
  const canChange = can(ctx.actor, "member.update_role");
  const canRemove = can(ctx.actor, "member.remove");
  return (
    <>
      <PageHeader
        title="Members"
        description="People in this organization and their role; a role applies to every project of the organization."
        actions={canInvite ? <InviteDialog projectId={projectId} roles={grantable} /> : null}
      />
      <Card>
        <Table>
          <THead>
            <tr><Th>Member</Th><Th>Role</Th><Th>Joined</Th><Th><span className="sr-only">Actions</span></Th></tr>
          </THead>
          <TBody>
            {members.map((m) => {
              const manageable = ROLE_RANK[m.role] <= ROLE_RANK[myRole];
              const me = ctx.actor.type === "user" && ctx.actor.userId === m.userId;
              return (
                <Tr key={m.userId}>
                  <Td>
                    <span className="block font-medium">{m.name}{me ? <span className="ml-2 text-xs font-normal text-muted-fg">(you)</span> : null}</span>
                    <span className="block text-xs text-muted-fg">{m.email}</span>
                  </Td>
                  <Td>
                    {canChange && manageable ? (
                      <RoleSelect projectId={projectId} userId={m.userId} email={m.email} role={m.role} roles={grantable} />
                    ) : (
                      <Badge tone={m.role === "owner" ? "info" : "neutral"}>{m.role}</Badge>
                    )}
                  </Td>
                  <Td><Time value={m.joinedAt} /></Td>
                  <Td className="text-right">{canRemove && manageable && !me ? <RemoveMemberButton projectId={projectId} userId={m.userId} email={m.email} /> : null}</Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      </Card>
      {canInvite && invites.length > 0 ? (
        <Card className="mt-6">
          <CardHeader title="Open invite links" description="Links that have not been used yet. Revoke one you sent to the wrong person." />
          <Table>
            <THead><tr><Th>Role</Th><Th>Created</Th><Th>Expires</Th><Th><span className="sr-only">Actions</span></Th></tr></THead>
            <TBody>
              {invites.map((i) => (
                <Tr key={i.id}>
                  <Td><Badge>{i.role}</Badge></Td>
                  <Td><Time value={i.createdAt} /></Td>
                  <Td><Time value={i.expiresAt} /></Td>
                  <Td className="text-right"><RevokeInviteButton projectId={projectId} inviteId={i.id} /></Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        </Card>
      ) : null}
    </>
  );
}
