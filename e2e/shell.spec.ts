import { expect, test } from "@playwright/test";
import { newUser } from "./fixtures";
import { AuthPages } from "./pages/auth";

test("the console shell: navigation to every section, dark mode", async ({ page }) => {
  const projectId = await new AuthPages(page).signUpWithProject(newUser("shell"));
  // The getting-started snippet points the SDK at this very server.
  await expect(page.getByRole("main")).toContainText("npm install @sextant/sdk");
  await expect(page.getByRole("main")).toContainText(`SEXTANT_BASE_URL=${test.info().project.use.baseURL}`);
  const main = page.getByRole("navigation", { name: "Main" });

  // Every section is reachable from the left nav and renders its page heading.
  for (const [link, heading] of [["Requests", "Requests"], ["Prompts", "Prompts"], ["Flags", "Flags"], ["Alerts", "Alerts"], ["Review", "Review queues"]] as const) {
    await main.getByRole("link", { name: link }).click();
    await expect(page).toHaveURL(new RegExp(`/p/${projectId}/${link.toLowerCase()}`));
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    // Every section is built: none is left showing the "not built yet" placeholder.
    await expect(page.getByRole("main")).not.toContainText(/not built yet/i);
  }
  await main.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${projectId}/settings/project`));
  for (const tab of ["Members", "API keys", "Audit log", "Project"]) {
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: tab }).click();
    await expect(page.getByRole("heading", { level: 1, name: tab })).toBeVisible();
  }

  // Light and dark screenshots of the new-project dashboard, for humans to look at.
  await main.getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { name: "Send your first request" })).toBeVisible();
  const html = page.locator("html");
  const toggle = page.getByRole("button", { name: "Toggle theme" }).first();
  if (((await html.getAttribute("class")) ?? "").split(/\s+/).includes("dark")) await toggle.click();
  await expect(html).not.toHaveClass(/\bdark\b/);
  await page.screenshot({ path: "test-results/screens/dashboard-light.png", fullPage: true });

  await toggle.click();
  await expect(html).toHaveClass(/\bdark\b/);
  await page.screenshot({ path: "test-results/screens/dashboard-dark.png", fullPage: true });

  // The choice survives a reload.
  await page.reload();
  await expect(html).toHaveClass(/\bdark\b/);
});
