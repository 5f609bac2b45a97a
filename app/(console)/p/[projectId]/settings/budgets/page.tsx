import { Wallet } from "lucide-react";
import type { Metadata } from "next";
import { BudgetForm } from "@/components/budgets/budget-form";
import { BudgetRowActions } from "@/components/budgets/budget-row-actions";
import { SpendBar } from "@/components/budgets/spend-bar";
import { UserLimitForm } from "@/components/budgets/user-limit-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { listChannels } from "@/lib/alerts/channels";
import { requireProject } from "@/lib/auth/session";
import { listBudgets } from "@/lib/budgets/list";
import type { Budget } from "@/lib/budgets/schemas";
import { can } from "@/lib/context";

export const metadata: Metadata = { title: "Budgets" };

/** What the edit form needs of a budget: its spec and id, plain data for the client. */
const specOf = (b: Budget) => ({
  id: b.id, name: b.name, scope: b.scope, match: b.match, period: b.period, limitUsd: b.limitUsd, enforcement: b.enforcement,
  action: b.action, downgradeTo: b.downgradeTo, channels: b.channels,
});

const scopeText = (scope: string, match?: string) => (scope === "project" ? "Whole project" : match ? `${scope === "endpoint" ? "Endpoint" : "User"} ${match}` : `Each ${scope}`);

export default async function BudgetsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const ctx = await requireProject(projectId);
  const { budgets, userRateLimit } = await listBudgets(ctx);
  const canWrite = can(ctx.actor, "budgets.write");
  const channels = canWrite ? (await listChannels(ctx)).map((c) => ({ id: c.id, name: c.name })) : [];
  return (
    <>
      <PageHeader
        title="Budgets"
        description="Spending limits and per-user limits, delivered to SDKs with the flag configuration and enforced before each call by sextant.reliable(client, { budget: true }). Periods are UTC days and months."
      />
      <div className="grid gap-6">
        <Card aria-label="Budgets">
          {budgets.length === 0 ? (
            <EmptyState icon={Wallet} title="No budgets yet">
              {canWrite ? "Add one below: a soft budget alerts, a hard one blocks calls or sends them to a cheaper model." : "Ask a member, admin or owner to add one."}
            </EmptyState>
          ) : (
            <Table aria-label="Budgets">
              <THead><tr><Th>Name</Th><Th>Covers</Th><Th>Enforcement</Th><Th>Spent this period</Th><Th><span className="sr-only">Actions</span></Th></tr></THead>
              <TBody>
                {budgets.map((b) => (
                  <Tr key={b.id}>
                    <Td className="font-medium"><code className="font-mono text-xs">{b.name}</code></Td>
                    <Td>{scopeText(b.scope, b.match)} · per {b.period}</Td>
                    <Td>
                      {b.enforcement === "soft" ? <Badge>soft · alerts</Badge> : b.action === "downgrade" ? <Badge>hard · downgrade to {b.downgradeTo}</Badge> : <Badge>hard · block</Badge>}
                    </Td>
                    <Td className="min-w-56"><SpendBar spentUsd={b.spentUsd} limitUsd={b.limitUsd} perKey={b.spentBy} /></Td>
                    <Td className="text-right">{canWrite ? <BudgetRowActions projectId={projectId} budget={specOf(b)} channels={channels} /> : null}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
        {canWrite ? (
          <Card aria-label="Add a budget">
            <CardHeader title="Add a budget" description="A soft budget creates an alert rule on the period's spend (Alerts → Rules) that notifies the channels you pick." />
            <CardBody><BudgetForm projectId={projectId} channels={channels} /></CardBody>
          </Card>
        ) : null}
        <Card aria-label="Per-user limits">
          <CardHeader title="Per-user limits" description="Requests and model tokens per user per minute (token buckets in the SDK). A user past the limit gets ShedError at once." />
          <CardBody><UserLimitForm projectId={projectId} initial={userRateLimit} canWrite={canWrite} /></CardBody>
        </Card>
      </div>
    </>
  );
}
