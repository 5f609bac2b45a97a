import { expect, test, type Page } from "@playwright/test";
import { newUser, screenshotBothThemes } from "./fixtures";
import { AuthPages } from "./pages/auth";
import { PromptsPage } from "./pages/prompts";
import { ApiKeysPage } from "./pages/settings";

async function projectWithKey(page: Page) {
  const projectId = await new AuthPages(page).signUpWithProject(newUser("prompts"));
  const keys = new ApiKeysPage(page, projectId);
  await keys.goto();
  const { secretKey, publicKey } = await keys.create("backend");
  return { projectId, secret: { Authorization: `Bearer ${secretKey}` }, pub: { Authorization: `Bearer ${publicKey}` } };
}

test("create a prompt, save two versions, diff them, deploy, roll back, see per-version metrics; the API follows", async ({ page, request }) => {
  const { projectId, secret, pub } = await projectWithKey(page);
  const prompts = new PromptsPage(page, projectId);
  await prompts.open();
  await expect(page.getByText("No prompts yet")).toBeVisible();

  // Version 1, with the preview rendering sample variables as compile() would.
  await prompts.create("support-answer", { system: "You help {{company}} customers.", user: "{{question}}" }, '{"model": "gpt-4o", "temperature": 0.2}', "first draft");
  const preview = prompts.card("Preview");
  await preview.getByLabel("Sample company").fill("Acme");
  await expect(preview.getByRole("group", { name: "Rendered preview" })).toContainText("You help Acme customers.");
  await expect(preview).toContainText("Not filled yet: question");

  // Invalid config JSON is caught in the editor and nothing is sent.
  await page.getByRole("link", { name: "New version" }).click();
  await page.getByLabel("Config (JSON)").fill("{model: gpt-4o");
  await expect(page.getByText(/Config is not valid JSON/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Save version" })).toBeDisabled();
  await page.goBack();

  await prompts.saveVersion({ system: "You help {{company}} customers. Be brief.", config: '{"model": "gpt-4o-mini", "temperature": 0.2}' }, "shorter, cheaper");
  await expect(prompts.historyRow(2)).toContainText("shorter, cheaper");
  await expect(prompts.historyRow(1)).toContainText("first draft");

  // Diff v1 → v2: the changed line and the changed model.
  await page.getByRole("link", { name: "Compare versions" }).click();
  const templateDiff = prompts.card("Template diff");
  await expect(templateDiff.locator('tr[data-kind="changed"]')).toHaveCount(1);
  await expect(templateDiff.locator('tr[data-kind="changed"]')).toContainText("+ You help {{company}} customers. Be brief.");
  await expect(prompts.card("Config diff").locator('tr[data-kind="changed"]')).toContainText('+   "model": "gpt-4o-mini",');
  await screenshotBothThemes(page, "prompts-diff");
  await page.getByRole("link", { name: "Back to support-answer" }).click();

  // Deploy v1, then v2, then roll back: production is v1 again.
  await prompts.confirm("Deploy v1", /Move production to v1/);
  await expect(prompts.labelRow("production")).toContainText("v1");
  await prompts.confirm("Deploy v2", /Move production to v2/);
  await expect(prompts.labelRow("production")).toContainText("v2");
  await prompts.confirm("Roll back production to v1", /Roll back to v1/);
  await expect(prompts.labelRow("production")).toContainText("v1");
  await expect(prompts.historyRow(1)).toContainText("production");

  // The API (public key, as a client SDK reads it) returns the rolled-back version, exactly.
  const read = await request.get("/api/v1/prompts/support-answer", { headers: pub });
  expect(read.status()).toBe(200);
  expect(await read.json()).toMatchObject({
    name: "support-answer", type: "chat", version: 1, labels: ["production"], config: { model: "gpt-4o", temperature: 0.2 },
    prompt: [{ role: "system", content: "You help {{company}} customers." }, { role: "user", content: "{{question}}" }],
  });
  const etag = read.headers()["etag"]!;
  expect((await request.get("/api/v1/prompts/support-answer", { headers: { ...pub, "If-None-Match": etag } })).status()).toBe(304);

  // Requests made with each version fill the per-version table.
  const now = Date.now();
  const events = [1, 1, 1, 2].map((version, i) => ({
    id: `pv-${i}`, startTime: new Date(now - 10 * 60_000 + i * 1000).toISOString(), durationMs: 300 + 100 * i, provider: "openai",
    model: "gpt-4o-mini", usage: { inputTokens: 100, outputTokens: 10 }, prompt: { name: "support-answer", version },
    ...(i === 2 ? { status: "error", error: { type: "rate_limit", message: "slow down" } } : {}),
  }));
  expect(await (await request.post("/api/v1/ingest", { headers: secret, data: { events } })).json()).toEqual({ accepted: 4, duplicates: 0, rejected: [] });
  await page.reload();
  const table = prompts.card("Per-version metrics").getByRole("table", { name: "Metrics per version" });
  const v1 = table.getByRole("row").filter({ hasText: /^v1/ });
  await expect(v1).toContainText("3");
  await expect(v1).toContainText("33.3 %");
  await expect(table.getByRole("row").filter({ hasText: /^v2/ })).toContainText("0.0 %");
  await screenshotBothThemes(page, "prompts-detail");

  await prompts.open();
  const row = page.getByRole("row").filter({ hasText: "support-answer" });
  await expect(row).toContainText("v2"); // latest
  await expect(row.getByRole("cell").nth(3)).toContainText("v1"); // production
  await screenshotBothThemes(page, "prompts-list");

  // Deploys and the rollback are marked on the overview's charts.
  await page.goto(`/p/${projectId}?range=1h`);
  const requestsChart = page.getByRole("img", { name: /^Requests/ });
  await expect(requestsChart).toHaveAttribute("aria-label", /support-answer: production → v2/);
  await expect(requestsChart).toHaveAttribute("aria-label", /support-answer: production → v1/);
  await screenshotBothThemes(page, "dashboard-deploy-annotations");

  // Every change is in the audit log.
  await page.goto(`/p/${projectId}/settings/audit`);
  const audit = page.getByRole("table");
  for (const action of ["prompt.create", "prompt.version.create", "prompt.label.move", "prompt.label.rollback"]) await expect(audit).toContainText(action);
});
