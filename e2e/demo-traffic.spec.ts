import { expect, test } from "@playwright/test";
import { startTraffic } from "../scripts/demo/traffic";
import { newUser } from "./fixtures";
import { AuthPages } from "./pages/auth";
import { DashboardPage } from "./pages/dashboard";
import { ApiKeysPage } from "./pages/settings";

test("the dashboards fill with live demo traffic: simulated users → real clients → SDK → app", async ({ page, request, baseURL }) => {
  const projectId = await new AuthPages(page).signUpWithProject(newUser("demo"));
  const keys = new ApiKeysPage(page, projectId);
  await keys.goto();
  const { secretKey } = await keys.create("demo traffic");

  const traffic = await startTraffic({ baseUrl: baseURL!, secretKey, requestsPerSecond: 20, seed: 11 });
  const modelsSeen = async () => {
    const metrics = await request.get("/api/v1/metrics?groupBy=model", { headers: { Authorization: `Bearer ${secretKey}` } });
    return ((await metrics.json()).groups as { key: string }[]).filter((g) => g.key !== "").length;
  };
  try {
    // Traffic keeps flowing until the SDK has delivered calls on several models.
    await expect.poll(modelsSeen, { timeout: 30_000, intervals: [1_000] }).toBeGreaterThan(3);
  } finally {
    await traffic.stop();
  }

  const dash = new DashboardPage(page, projectId);
  await dash.goto("range=1h");
  await expect(dash.tile("requests")).not.toHaveText("0");
  await expect(dash.tile("cost")).toHaveText(/^\$0\.\d+/);
  await expect(dash.breakdown("model").getByRole("link")).not.toHaveCount(0);
  await expect(dash.breakdown("endpoint")).toContainText("support-chat");
  await dash.screenshot("dashboard-demo");

  await page.goto(`/p/${projectId}/dashboard/latency?range=1h`);
  await expect(page.getByText("Time to first token").first()).toBeVisible();
  await dash.screenshot("dashboard-demo-latency");
});
