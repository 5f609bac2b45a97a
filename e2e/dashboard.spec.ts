import { expect, test } from "@playwright/test";
import { newUser } from "./fixtures";
import { AuthPages } from "./pages/auth";
import { ApiKeysPage } from "./pages/settings";

test("requests sent with the secret key show up on the dashboard with units", async ({ page, request }) => {
  const projectId = await new AuthPages(page).signUpWithProject(newUser("dash"));
  const keys = new ApiKeysPage(page, projectId);
  await keys.goto();
  const { secretKey } = await keys.create("backend");

  const now = Date.now();
  const events = [0, 1, 2].map((i) => ({
    id: `dash-${i}`,
    startTime: new Date(now - 60_000 + i * 1000).toISOString(),
    durationMs: 400 + i * 100,
    model: "gpt-4o-mini",
    usage: { inputTokens: 1000, outputTokens: 100 },
    status: i === 2 ? "error" : "ok",
  }));
  const res = await request.post("/api/v1/ingest", { headers: { Authorization: `Bearer ${secretKey}` }, data: { events } });
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ accepted: 3, duplicates: 0, rejected: [] });

  await page.goto(`/p/${projectId}`);
  await expect(page.getByRole("heading", { name: "Send your first request" })).toHaveCount(0);
  const tiles = page.getByRole("main");
  await expect(tiles.getByText("Requests · 24 h").locator("..")).toContainText("3");
  await expect(tiles.getByText("Error rate · 24 h").locator("..")).toContainText("33.33 %");
  await expect(tiles.getByText("p95 latency · 24 h").locator("..")).toContainText(/\d+ ms/);
  // 3 × (1,000 × $0.15 + 100 × $0.60) per million = $0.000630
  await expect(tiles.getByText("Cost · 24 h").locator("..")).toContainText("$0.000630");
  await page.screenshot({ path: "test-results/screens/dashboard-data.png", fullPage: true });
});
