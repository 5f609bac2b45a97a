import { expect, test } from "@playwright/test";
import { newUser } from "./fixtures";
import { AuthPages } from "./pages/auth";

test("the console shell: navigation, placeholders, dark mode", async ({ page }) => {
  const projectId = await new AuthPages(page).signUpWithProject(newUser("shell"));
  await page.screenshot({ path: "test-results/screens/dashboard-light.png", fullPage: true });

  for (const [link, heading] of [["Requests", "Requests"], ["Prompts", "Prompts"], ["Flags", "Flags"], ["Alerts", "Alerts"], ["Review", "Review queues"]] as const) {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: link }).click();
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page.getByText("not built yet")).toBeVisible();
  }
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${projectId}/settings/project`));
  for (const tab of ["Members", "API keys", "Audit log", "Project"]) {
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: tab }).click();
    await expect(page.getByRole("heading", { level: 1, name: tab })).toBeVisible();
  }

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
  const html = page.locator("html");
  const wasDark = ((await html.getAttribute("class")) ?? "").includes("dark");
  await page.getByRole("button", { name: "Toggle theme" }).first().click();
  await expect(html).toHaveClass(wasDark ? /^(?!.*\bdark\b)/ : /\bdark\b/);
  if (wasDark) await page.getByRole("button", { name: "Toggle theme" }).first().click();
  await expect(html).toHaveClass(/\bdark\b/);
  await page.screenshot({ path: "test-results/screens/dashboard-dark.png", fullPage: true });
});
