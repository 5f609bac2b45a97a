import { expect, test, type Page } from "@playwright/test";
import { startTraffic } from "../scripts/demo/traffic";
import { newUser, screenshotBothThemes } from "./fixtures";
import { AuthPages } from "./pages/auth";
import { FlagsPage } from "./pages/flags";
import { ApiKeysPage, MembersPage } from "./pages/settings";

async function projectWithKey(page: Page, label: string) {
  const projectId = await new AuthPages(page).signUpWithProject(newUser(label));
  const keys = new ApiKeysPage(page, projectId);
  await keys.goto();
  const { secretKey } = await keys.create("backend");
  return { projectId, secretKey, auth: { Authorization: `Bearer ${secretKey}` } };
}

test("create a flag, add a rule, set a 25 % split, kill it, read the history; the API follows", async ({ page, request }) => {
  const { projectId, auth } = await projectWithKey(page, "flags");
  const flags = new FlagsPage(page, projectId);
  await flags.open();
  await expect(flags.card("All flags")).toContainText("No flags yet");
  await screenshotBothThemes(page, "flags-empty");

  // The server's validation lands on the field it is about; nothing is created.
  await flags.startCreate();
  await flags.fillCreate("Checkout Model", "Which model writes checkout answers");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Nothing was saved");
  await expect(page.getByText("Use only a-z, 0-9, '.', '_' and '-' in flag keys.").first()).toBeVisible();
  await expect(page.getByLabel("Key", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await screenshotBothThemes(page, "flags-new-invalid");
  await flags.fillCreate("checkout-model", "Which model writes checkout answers");
  await expect(page.getByRole("heading", { level: 1, name: "checkout-model" })).toBeVisible();

  // A targeting rule for pro plans, then a rollout to everyone else at 25 %.
  await flags.card("Rules").getByRole("button", { name: "Add rule" }).click();
  const rule1 = flags.rule(1);
  await rule1.getByRole("button", { name: "Add condition" }).click();
  await rule1.getByLabel("Attribute").fill("plan");
  await rule1.getByLabel("Values").fill("pro, enterprise");
  await rule1.getByLabel("Variant served by rule 1").selectOption("on");
  await flags.card("Rules").getByRole("button", { name: "Add percentage rollout" }).click();
  const rule2 = flags.rule(2);
  await rule2.getByRole("slider", { name: "Share of on" }).fill("25");
  await expect(rule2.getByTestId("split-percentages")).toHaveText("on 25 % · off 75 %");
  await page.getByRole("button", { name: "Save production rules" }).click();
  await expect(flags.card("Rules").getByRole("status")).toContainText("Saved");

  const stored = await (await request.get("/api/v1/flags/checkout-model", { headers: auth })).json();
  expect(stored.environments.production.rules).toEqual([
    { conditions: [{ attribute: "plan", operator: "in", values: ["pro", "enterprise"] }], serve: { variant: "on" } },
    { conditions: [], serve: { split: [{ variant: "on", weight: 25 }, { variant: "off", weight: 75 }] } },
  ]);
  await screenshotBothThemes(page, "flags-detail");

  // The kill switch asks first, then everyone in production gets "off".
  await flags.kill("production");
  await expect(flags.killSwitch("production")).toContainText("killed");
  await expect(flags.killSwitch("staging")).toContainText("on");
  expect((await (await request.get("/api/v1/flags/checkout-model", { headers: auth })).json()).environments.production.enabled).toBe(false);

  // History: who did what, with before → after.
  await expect(flags.card("History").getByRole("row")).toHaveCount(4); // header + created, rules, kill switch
  await expect(flags.historyRow("flag.toggle")).toContainText("environments.production.enabled: true → false");
  await expect(flags.historyRow("flag.update")).toContainText('environments.production.rules.1: — → {"conditions":[],"serve":{"split":[{"variant":"on","weight":25},{"variant":"off","weight":75}]}}');
  await expect(flags.historyRow("flag.create")).toContainText("flags-");
  await flags.card("History").getByRole("row").filter({ hasText: "flag.toggle" }).getByText("Whole definition before and after").click();
  await screenshotBothThemes(page, "flags-history");

  // The list shows each environment's state and shares.
  await flags.open();
  const row = flags.card("All flags").getByRole("row").filter({ hasText: "checkout-model" });
  await expect(row.getByTestId("env-production")).toContainText("killed");
  await expect(row.getByTestId("env-production")).toContainText("off 100 %");
  await expect(row.getByTestId("env-staging")).toContainText("off 100 %");
  await screenshotBothThemes(page, "flags-list");
});

test("the variant comparison with demo traffic: the demo's support-model flag splits two models", async ({ page, request, baseURL }) => {
  const { projectId, secretKey, auth } = await projectWithKey(page, "flags-demo");
  const traffic = await startTraffic({ baseUrl: baseURL!, secretKey, requestsPerSecond: 30, seed: 7 });
  const perVariant = async () => {
    const res = await request.get("/api/v1/metrics?groupBy=flag:support-model&environment=production", { headers: auth });
    const groups = ((await res.json()).groups ?? []) as { key: string; requests: number }[];
    return Math.min(...["current", "candidate"].map((v) => groups.find((g) => g.key === v)?.requests ?? 0));
  };
  try {
    // Each support-chat request is two rows (the trace and its model call): ~60 model calls per variant.
    await expect.poll(perVariant, { timeout: 50_000, intervals: [2_000] }).toBeGreaterThan(120);
  } finally {
    await traffic.stop();
  }

  const flags = new FlagsPage(page, projectId);
  await flags.openFlag("support-model");
  await page.getByRole("link", { name: "Compare variants" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Compare variants of support-model" })).toBeVisible();
  const table = flags.card("Variant comparison").getByRole("table", { name: "Variant comparison" });
  await expect(table.getByRole("columnheader", { name: /current/ })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: /candidate/ })).toBeVisible();
  for (const metric of ["Requests", "Error rate", "p95 latency", "Mean latency", "Cost per request"]) await expect(flags.comparisonRow(metric)).toBeVisible();
  await expect(flags.comparisonRow("Error rate")).toContainText("95 % CI");
  // The candidate model is several times the price per token: a real difference, and said so.
  await expect(flags.comparisonRow("Cost per request")).toContainText("Difference is significant");
  await expect(flags.card("Variant comparison")).toContainText("all of the range");
  await screenshotBothThemes(page, "flags-compare");
});

test("viewers read flags but cannot change them", async ({ page, browser, request }) => {
  const { projectId, auth } = await projectWithKey(page, "flags-owner");
  const created = await request.post("/api/v1/flags", { headers: auth, data: { key: "beta-banner", type: "boolean", variants: { on: true, off: false }, environments: { production: { enabled: true, offVariant: "off", defaultVariant: "on", rules: [] } } } });
  expect(created.status()).toBe(201);
  const members = new MembersPage(page, projectId);
  await members.goto();
  const link = await members.invite("viewer");

  const viewer = await browser.newContext();
  try {
    const vp = await viewer.newPage();
    await vp.goto(link);
    await vp.getByRole("link", { name: "Create an account" }).click();
    await new AuthPages(vp).fillSignUp(newUser("flags-viewer"));
    await expect(vp).toHaveURL(new RegExp(`/p/${projectId}`));
    const flags = new FlagsPage(vp, projectId);
    await flags.open();
    await expect(vp.getByRole("link", { name: "New flag" })).toHaveCount(0);
    await flags.openFlag("beta-banner");
    await expect(vp.getByRole("main")).toContainText("Read-only: the viewer role can read flags but not change them.");
    await expect(flags.killSwitch("production").getByRole("button", { name: "Kill production" })).toBeDisabled();
    await expect(vp.getByRole("button", { name: "Save production rules" })).toHaveCount(0);
    await expect(vp.getByRole("button", { name: "Delete" })).toHaveCount(0);
    await expect(flags.card("History")).toContainText("flag.create");
  } finally {
    await viewer.close();
  }
});
