import { expect, test, type Page } from "@playwright/test";
import { newUser } from "./fixtures";
import { AuthPages } from "./pages/auth";
import { DashboardPage } from "./pages/dashboard";
import { ApiKeysPage } from "./pages/settings";

/** A new account and project with a key pair; the Bearer header for the API. */
async function projectWithKey(page: Page, label: string) {
  const projectId = await new AuthPages(page).signUpWithProject(newUser(label));
  const keys = new ApiKeysPage(page, projectId);
  await keys.goto();
  const { secretKey } = await keys.create("backend");
  return { projectId, auth: { Authorization: `Bearer ${secretKey}` } };
}

/** A fixed dataset with known answers: 6 requests on two models in the last hour, one error. */
function dataset(now: number) {
  return [0, 1, 2, 3, 4, 5].map((i) => ({
    id: `dash-${i}`,
    startTime: new Date(now - 30 * 60_000 + i * 60_000).toISOString(),
    durationMs: 400 + i * 100,
    model: i < 4 ? "gpt-4o-mini" : "gpt-4o",
    provider: "openai",
    endpoint: i % 2 ? "/chat" : "/summarize",
    userId: `user-${i % 2}`,
    usage: { inputTokens: 1000, outputTokens: 100 },
    status: i === 2 ? "error" : "ok",
    ...(i === 2 ? { error: { type: "rate_limit", message: "slow down" } } : {}),
  }));
}

test("the overview matches the metrics API, filters by model through the URL, and opens the explorer from a breakdown", async ({ page, request }) => {
  const { projectId, auth } = await projectWithKey(page, "dash");

  const now = Date.now();
  const res = await request.post("/api/v1/ingest", { headers: auth, data: { events: dataset(now) } });
  expect(await res.json()).toEqual({ accepted: 6, duplicates: 0, rejected: [] });

  // A custom range, so the page and the API answer for exactly the same [from, to).
  const from = new Date(now - 2 * 3_600_000).toISOString();
  const to = new Date(now + 60_000).toISOString();
  const range = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
  const api = async (extra = "") => {
    const r = await request.get(`/api/v1/metrics?${range}${extra}`, { headers: auth });
    expect(r.status()).toBe(200);
    return (await r.json()).groups[0];
  };

  const dash = new DashboardPage(page, projectId);
  await dash.goto(range);
  const all = await api();
  expect(all.requests).toBe(6);
  await expect(dash.tile("requests")).toHaveText(String(all.requests));
  await expect(dash.tile("error-rate")).toHaveText(`${(all.errorRate * 100).toFixed(2)} %`); // 16.67 %
  await expect(dash.tile("p95")).toHaveText(`${Math.round(all.latencyMs.p95)} ms`);
  // 6 × (1,000 × $0.15 + 100 × $0.60) per million for gpt-4o-mini would be $0.001260; two are gpt-4o.
  await expect(dash.tile("cost")).toHaveText(`$${all.costUsd.toFixed(6)}`);
  await expect(dash.tile("tokens")).toHaveText("6,600 tokens");
  await expect(dash.breakdown("model")).toContainText("gpt-4o-mini");
  await dash.screenshot("dashboard-overview");

  await dash.chooseModel("gpt-4o");
  const four = await api("&model=gpt-4o");
  expect(four.requests).toBe(2);
  await expect(dash.tile("requests")).toHaveText("2");
  await expect(dash.tile("cost")).toHaveText(`$${four.costUsd.toFixed(6)}`);
  await expect(page.getByLabel("Active filters")).toContainText("model: gpt-4o");

  await page.goBack();
  await expect(dash.tile("requests")).toHaveText("6");

  await dash.breakdown("error type").getByRole("link", { name: "rate_limit" }).click();
  await expect(page).toHaveURL(/\/requests\?.*status=error/);
  await expect(page).toHaveURL(/errorType=rate_limit/);
});

test("every dashboard view renders its numbers for the same filters", async ({ page, request }) => {
  const { projectId, auth } = await projectWithKey(page, "views");
  await request.post("/api/v1/ingest", { headers: auth, data: { events: dataset(Date.now()) } });
  await request.post("/api/v1/scores", { headers: auth, data: { scores: [{ requestId: "dash-1", name: "user_feedback", value: false, source: "user" }, { requestId: "dash-3", name: "user_feedback", value: true, source: "user" }] } });

  const dash = new DashboardPage(page, projectId);
  await dash.goto("range=24h");
  await page.getByRole("navigation", { name: "Dashboard views" }).getByRole("link", { name: "Latency" }).click();
  await expect(page).toHaveURL(/\/dashboard\/latency\?range=24h/);
  await expect(page.getByRole("heading", { level: 1, name: "Latency" })).toBeVisible();
  await expect(dash.breakdown("model")).toContainText("gpt-4o-mini");
  await dash.screenshot("dashboard-latency");

  await page.goto(`/p/${projectId}/dashboard/errors?range=24h`);
  await expect(page.getByText("slow down")).toBeVisible();
  await expect(dash.breakdown("error type")).toContainText("rate_limit");
  await dash.screenshot("dashboard-errors");

  await page.goto(`/p/${projectId}/dashboard/cost?range=24h`);
  await expect(page.getByText("Projected month end")).toBeVisible();
  await expect(dash.breakdown("model")).toContainText("$0.007"); // 2 × (1,000 × $2.50 + 100 × $10) per million
  await dash.screenshot("dashboard-cost");

  await page.goto(`/p/${projectId}/dashboard/quality?range=24h`);
  await expect(page.getByText("Negative feedback")).toBeVisible();
  await expect(page.getByText("50.0 %").first()).toBeVisible();
  await dash.screenshot("dashboard-quality");

  await page.goto(`/p/${projectId}/dashboard/users?range=24h`);
  await expect(dash.breakdown("user")).toContainText("user-0");
  await dash.screenshot("dashboard-users");
  await dash.breakdown("user").getByRole("link", { name: "user-1" }).click();
  await expect(page).toHaveURL(/\/requests\?.*userId=user-1/);
});
