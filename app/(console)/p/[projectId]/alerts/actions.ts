"use server";

import { revalidatePath } from "next/cache";
import { createChannel, deleteChannel } from "@/lib/alerts/channels";
import { createAlertRule } from "@/lib/alerts/create-rule";
import { deleteAlertRule } from "@/lib/alerts/delete-rule";
import { evaluateAlertRuleNow } from "@/lib/alerts/evaluate-now";
import { previewAlertRule } from "@/lib/alerts/preview";
import { createSilence, expireSilence } from "@/lib/alerts/silences";
import { testChannel } from "@/lib/alerts/test-channel";
import { updateAlertRule } from "@/lib/alerts/update-rule";
import { actionProjectCtx, runAction } from "@/lib/http/action";

// Server actions of the alerts pages and the channels settings: each resolves the session's
// context in the project (404 when it is not theirs) and calls one lib/alerts verb, which
// checks the role (alerts.read / alerts.write), validates (422 with field paths) and audits.

const refresh = (projectId: string) => {
  revalidatePath(`/p/${projectId}/alerts`, "layout");
  revalidatePath(`/p/${projectId}/settings/channels`);
};

export async function previewRuleAction(projectId: string, input: unknown) {
  return runAction("previewAlertRule", async () => previewAlertRule(await actionProjectCtx(projectId), input));
}

export async function createRuleAction(projectId: string, input: unknown) {
  return runAction("createAlertRule", async () => {
    const rule = await createAlertRule(await actionProjectCtx(projectId), input);
    refresh(projectId);
    return { id: rule.id };
  });
}

export async function updateRuleAction(projectId: string, id: string, patch: unknown) {
  return runAction("updateAlertRule", async () => {
    const rule = await updateAlertRule(await actionProjectCtx(projectId), id, patch);
    refresh(projectId);
    return { id: rule.id, enabled: rule.enabled };
  });
}

export async function deleteRuleAction(projectId: string, id: string) {
  return runAction("deleteAlertRule", async () => {
    await deleteAlertRule(await actionProjectCtx(projectId), id);
    refresh(projectId);
    return { id };
  });
}

export async function evaluateNowAction(projectId: string, id: string) {
  return runAction("evaluateAlertRule", async () => {
    const r = await evaluateAlertRuleNow(await actionProjectCtx(projectId), id);
    refresh(projectId);
    return { error: r.error, transitions: r.transitions, deliveries: r.deliveries.map((d) => d.status) };
  });
}

export async function createSilenceAction(projectId: string, input: unknown) {
  return runAction("createSilence", async () => {
    const s = await createSilence(await actionProjectCtx(projectId), input);
    refresh(projectId);
    return { id: s.id };
  });
}

export async function expireSilenceAction(projectId: string, id: string) {
  return runAction("expireSilence", async () => {
    await expireSilence(await actionProjectCtx(projectId), id);
    refresh(projectId);
    return { id };
  });
}

export async function createChannelAction(projectId: string, input: unknown) {
  return runAction("createChannel", async () => {
    const c = await createChannel(await actionProjectCtx(projectId), input);
    refresh(projectId);
    return { id: c.id };
  });
}

export async function deleteChannelAction(projectId: string, id: string) {
  return runAction("deleteChannel", async () => {
    await deleteChannel(await actionProjectCtx(projectId), id);
    refresh(projectId);
    return { id };
  });
}

export async function testChannelAction(projectId: string, id: string) {
  return runAction("testChannel", async () => testChannel(await actionProjectCtx(projectId), id));
}
