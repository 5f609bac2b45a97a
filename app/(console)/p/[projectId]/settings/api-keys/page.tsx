import { KeyRound } from "lucide-react";
import type { Metadata } from "next";
import { CreateKeyDialog } from "@/components/api-keys/create-key-dialog";
import { RevokeKeyButton } from "@/components/api-keys/revoke-key-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { listApiKeys } from "@/lib/api-keys/list";
import { requireProject } from "@/lib/auth/session";
import { can } from "@/lib/context";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const ctx = await requireProject(projectId);
  const keys = await listApiKeys(ctx);
  const canCreate = can(ctx.actor, "api_key.create");
  const canRevoke = can(ctx.actor, "api_key.revoke");
  return (
    <>
      <PageHeader
        title="API keys"
        description="Secret keys (sk-…) send data and manage the project by API; public keys (pk-…) only read flags and prompts."
        actions={canCreate ? <CreateKeyDialog projectId={projectId} /> : null}
      />
      <Card>
        {keys.length === 0 ? (
          <EmptyState icon={KeyRound} title="No API keys yet">
            {canCreate ? "Create a key pair, put the secret key in your app's environment and the SDK starts sending requests." : "Ask a member, admin or owner of this project to create one."}
          </EmptyState>
        ) : (
          <Table>
            <THead>
              <tr>
                <Th>Name</Th>
                <Th>Public key</Th>
                <Th>Secret key</Th>
                <Th>Created</Th>
                <Th>Last used</Th>
                <Th><span className="sr-only">Status and actions</span></Th>
              </tr>
            </THead>
            <TBody>
              {keys.map((k) => (
                <Tr key={k.id}>
                  <Td className="font-medium">{k.name}</Td>
                  <Td><code className="font-mono text-xs">{k.publicKey}</code></Td>
                  <Td><code className="font-mono text-xs">{k.secretPrefix}</code></Td>
                  <Td>
                    <Time value={k.createdAt} />
                    <span className="block text-xs text-muted-fg">{k.createdBy ?? "set-up"}</span>
                  </Td>
                  <Td>{k.lastUsedAt ? <Time value={k.lastUsedAt} /> : <span className="text-muted-fg">Never</span>}</Td>
                  <Td className="text-right">
                    {k.revokedAt ? (
                      <Badge tone="danger">Revoked</Badge>
                    ) : canRevoke ? (
                      <RevokeKeyButton projectId={projectId} id={k.id} name={k.name} />
                    ) : (
                      <Badge tone="success">Active</Badge>
                    )}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
    </>
  );
}
