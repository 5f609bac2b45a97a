import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { startTraffic } from "../scripts/demo/traffic";
import { newUser, screenshotBothThemes } from "./fixtures";
import { AlertsPage } from "./pages/alerts";
import { AuthPages } from "./pages/auth";
import { ApiKeysPage, MembersPage } from "./pages/settings";

/** A real webhook receiver on 127.0.0.1, recording the JSON bodies it gets. */
async function startReceiver() {
  const bodies: { status?: string; alerts?: { labels: Record<string, string> }[] }[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    bodies.push(JSON.parse(Buffer.concat(chunks).toString("utf8")));
    res.writeHead(200, { "content-type": "text/plain" }).end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, bodies, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function projectWithKey(page: Page) {
  const projectId = await new AuthPages(page).signUpWithProject(newUser("alerts"));
  const keys = new ApiKeysPage(page, projectId);
  await keys.goto();
  const { secretKey } = await keys.create("backend");
  return { projectId, secretKey, secret: { Authorization: `Bearer ${secretKey}` } };
}

test("create an error-rate rule in the UI, make it fire with traffic, evaluate now, see it everywhere, silence it", async ({ page, request }) => {
  const receiver = await startReceiver();
  try {
    const { projectId, secret } = await projectWithKey(page);
    const alerts = new AlertsPage(page, projectId);
    await alerts.open();
    await expect(page.getByText("No alert rules yet")).toBeVisible();
    await expect(alerts.card("Rules")).toContainText("add a notification channel");
    await screenshotBothThemes(page, "alerts-empty");

    // A signed webhook channel, checked with "send test" against the real receiver.
    await alerts.openChannels();
    await expect(page.getByText("No notification channels yet")).toBeVisible();
    await alerts.addWebhook("on-call", receiver.url, "whsec-e2e-0123456789");
    await expect(alerts.channelRow("on-call")).toContainText("HMAC-SHA256");
    await alerts.channelRow("on-call").getByRole("button", { name: "Send test" }).click();
    await expect(alerts.channelRow("on-call").getByRole("status")).toHaveText("Delivered (HTTP 200).");
    expect(receiver.bodies.at(-1)).toMatchObject({ status: "firing", alerts: [{ labels: { test: "true" } }] });
    await screenshotBothThemes(page, "alerts-channels");

    // Traffic: 6 of 10 requests of one model fail; another model is healthy.
    const now = Date.now();
    const events = Array.from({ length: 20 }, (_, i) => ({
      id: `al-${i}`, startTime: new Date(now - 3 * 60_000 + i * 2000).toISOString(), durationMs: 400, provider: "openai",
      model: i < 10 ? "gpt-e2e" : "claude-e2e", usage: { inputTokens: 50, outputTokens: 5 },
      ...(i < 6 ? { status: "error", error: { type: "server_error", message: "upstream 500" } } : {}),
    }));
    expect(await (await request.post("/api/v1/ingest", { headers: secret, data: { events } })).json()).toEqual({ accepted: 20, duplicates: 0, rejected: [] });

    // The rule, with the live preview showing what it would see now.
    await alerts.open();
    await alerts.startRule({ name: "Errors on gpt-e2e", model: "gpt-e2e", thresholdPercent: "5", forSeconds: "0", minRequests: "5", channel: "on-call" });
    const preview = alerts.card("Preview");
    await expect(preview.getByRole("img", { name: /Preview of the rule's metric/ })).toHaveAttribute("aria-label", /> 5\.0 %/);
    const nowRow = preview.getByRole("table", { name: "Values now" }).getByRole("row").filter({ hasText: "all requests" });
    await expect(nowRow).toContainText("60.0 %");
    await expect(nowRow).toContainText("breaches: warning");

    // The server's validation lands on the field; nothing is saved.
    await page.getByLabel("Runbook URL").fill("wiki/errors");
    await alerts.save();
    await expect(page.getByText("Give an http:// or https:// URL.").first()).toBeVisible();
    await expect(page.getByLabel("Runbook URL")).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("Runbook URL").fill("https://runbooks.example/errors");
    await screenshotBothThemes(page, "alerts-rule-editor");
    await alerts.save();
    await expect(page.getByRole("heading", { level: 1, name: "Errors on gpt-e2e" })).toBeVisible();

    // Evaluate now: it fires, the timeline and the notification log say so, the receiver got it.
    await alerts.evaluateNow();
    await expect(page.getByRole("status").filter({ hasText: /^Evaluated/ })).toContainText("all requests ok → firing");
    const timeline = alerts.card("State timeline");
    await expect(timeline.getByRole("row").nth(1)).toContainText("OK→Firing");
    await expect(timeline.getByRole("row").nth(1)).toContainText("60.0 %");
    await expect(alerts.card("Notification log").getByRole("row").nth(1)).toContainText(/firing.*on-call.*sent/);
    await expect.poll(() => receiver.bodies.filter((b) => b.alerts?.[0]?.labels.alertname === "Errors on gpt-e2e").length).toBe(1);
    await expect(alerts.card("Instances")).toContainText("Firing");
    await screenshotBothThemes(page, "alerts-rule-detail");

    // The Alerts page: firing first, then the rules.
    await alerts.open();
    const firing = alerts.card("Firing and pending").getByRole("row").filter({ hasText: "Errors on gpt-e2e" });
    await expect(firing).toContainText("Firing");
    await expect(firing).toContainText("60.0 %");
    await expect(firing).toContainText("warning");
    await expect(alerts.card("Rules").getByRole("row").filter({ hasText: "Errors on gpt-e2e" })).toContainText("Error rate > 5.0 % over 5 min");
    await screenshotBothThemes(page, "alerts-list");

    // The dashboard shows it above the tiles.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
    const banner = page.getByRole("region", { name: "Firing alerts" });
    await expect(banner).toContainText("1 alert firing");
    await expect(banner.getByRole("link", { name: "Errors on gpt-e2e" })).toBeVisible();
    await screenshotBothThemes(page, "dashboard-firing-banner");

    // Silence it from the rule's page: it stays firing, marked silenced.
    await banner.getByRole("link", { name: "Errors on gpt-e2e" }).click();
    await alerts.silenceFromRule("deploying a fix");
    const silence = page.getByRole("table", { name: "Silences" }).getByRole("row").filter({ hasText: "deploying a fix" });
    await expect(silence).toContainText("active");
    await expect(silence).toContainText("Errors on gpt-e2e");
    await screenshotBothThemes(page, "alerts-silences");
    await alerts.open();
    await expect(alerts.card("Firing and pending").getByRole("row").filter({ hasText: "Errors on gpt-e2e" })).toContainText("silenced");

    // Ending the silence keeps it for the record.
    await page.getByRole("navigation", { name: "Alerts" }).getByRole("link", { name: "Silences" }).click();
    await silence.getByRole("button", { name: "Expire" }).click();
    await expect(silence).toContainText("ended");

    // Every change is in the audit log.
    await page.goto(`/p/${projectId}/settings/audit`);
    for (const action of ["notification_channel.create", "alert_rule.create", "alert_silence.create", "alert_silence.expire"]) await expect(page.getByRole("table")).toContainText(action);
  } finally {
    await receiver.close();
  }
});

test("a viewer sees rules, instances, silences and channels read-only", async ({ page, browser, request }) => {
  const { projectId, secret } = await projectWithKey(page);
  // Rules can be automated with the secret key; this one is created through the API.
  const created = await request.post("/api/v1/alert-rules", { headers: secret, data: { name: "Slow answers", metric: "latency_p95", condition: { op: ">", threshold: 2000 }, windowSeconds: 600 } });
  expect(created.status()).toBe(201);
  const ruleId = ((await created.json()) as { id: string }).id;
  const members = new MembersPage(page, projectId);
  await members.goto();
  const link = await members.invite("viewer");

  const viewerContext = await browser.newContext();
  try {
    const viewer = await viewerContext.newPage();
    await viewer.goto(link);
    await viewer.getByRole("link", { name: "Create an account" }).click();
    await new AuthPages(viewer).fillSignUp(newUser("viewer"));
    await expect(viewer).toHaveURL(new RegExp(`/p/${projectId}`));
    const alerts = new AlertsPage(viewer, projectId);
    await alerts.open();
    await expect(alerts.card("Rules").getByRole("row").filter({ hasText: "Slow answers" })).toContainText("Latency p95 > 2,000 ms over 10 min");
    await expect(viewer.getByRole("link", { name: "New rule" })).toHaveCount(0);

    await viewer.getByRole("link", { name: "Slow answers" }).click();
    await expect(viewer.getByRole("heading", { level: 1, name: "Slow answers" })).toBeVisible();
    await expect(viewer.getByText("Read-only: ask a member, admin or owner to change this rule.")).toBeVisible();
    await expect(viewer.getByRole("button", { name: "Evaluate now" })).toHaveCount(0);
    await expect(viewer.getByRole("link", { name: "Edit" })).toHaveCount(0);
    await expect(alerts.card("Definition")).toContainText("> 2,000 ms");

    await viewer.goto(`/p/${projectId}/alerts/${ruleId}/edit`);
    await expect(viewer.getByRole("heading", { name: /not found/i })).toBeVisible();
    await viewer.goto(`/p/${projectId}/alerts/silences`);
    await expect(viewer.getByRole("button", { name: "Create silence" })).toHaveCount(0);
    await alerts.openChannels();
    await expect(viewer.getByRole("button", { name: "Add channel" })).toHaveCount(0);
    await expect(viewer.getByText("Ask a member, admin or owner to add one.")).toBeVisible();
  } finally {
    await viewerContext.close();
  }
});

test("a rule fires from live demo traffic and its injected provider faults", async ({ page, request, baseURL }) => {
  const { projectId, secretKey, secret } = await projectWithKey(page);
  // Simulated users call the real clients against the fake provider, which injects rate limits,
  // 5xx, timeouts and broken streams; the SDK records every call. Run until a model shows errors.
  const traffic = await startTraffic({ baseUrl: baseURL!, secretKey, requestsPerSecond: 20, seed: 3 });
  const failing = async () => {
    const m = await request.get("/api/v1/metrics?groupBy=model", { headers: secret });
    const groups = (await m.json()).groups as { key: string; requests: number; errors: number }[];
    return groups.filter((g) => g.key !== "" && g.errors > 0).sort((a, b) => b.errors - a.errors)[0]?.key ?? "";
  };
  let model = "";
  try {
    await expect.poll(async () => (model = await failing()), { timeout: 60_000, intervals: [1_000] }).not.toBe("");
  } finally {
    await traffic.stop();
  }

  const alerts = new AlertsPage(page, projectId);
  await alerts.open();
  await alerts.startRule({ name: "Demo errors", model, thresholdPercent: "0.1", forSeconds: "0", minRequests: "1" });
  await alerts.save();
  await expect(page.getByRole("heading", { level: 1, name: "Demo errors" })).toBeVisible();
  await alerts.evaluateNow();
  await expect(alerts.card("State timeline").getByRole("row").nth(1)).toContainText("OK→Firing");
  await alerts.open();
  await expect(alerts.card("Firing and pending").getByRole("row").filter({ hasText: "Demo errors" })).toContainText("Firing");
  await page.getByRole("link", { name: "Demo errors" }).first().click();
  await alerts.silenceFromRule("demo faults are expected");
  await expect(page.getByRole("table", { name: "Silences" }).getByRole("row").filter({ hasText: "demo faults are expected" })).toContainText("active");
});
