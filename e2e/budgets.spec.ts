import { expect, test, type Page } from "@playwright/test";
import { newUser, screenshotBothThemes } from "./fixtures";
import { AuthPages } from "./pages/auth";

/** Settings → Budgets, by role and label. */
class BudgetsPage {
  constructor(private readonly page: Page, private readonly projectId: string) {}

  async open() {
    await this.page.goto(`/p/${this.projectId}/settings`);
    await this.page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Budgets" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Budgets" })).toBeVisible();
  }

  card(name: string) {
    return this.page.getByRole("region", { name, exact: true });
  }

  row(name: string) {
    return this.page.getByRole("table", { name: "Budgets" }).getByRole("row").filter({ has: this.page.getByRole("cell", { name, exact: true }) });
  }

  async add(b: { name: string; limit: string; atLimit: "Alert (soft)" | "Block calls (hard)" | "Downgrade to a cheaper model (hard)"; cheaper?: string }) {
    const form = this.card("Add a budget");
    await form.getByLabel("Name").fill(b.name);
    await form.getByLabel("Limit (USD)").fill(b.limit);
    await form.getByLabel("At the limit").selectOption({ label: b.atLimit });
    if (b.cheaper !== undefined) await form.getByLabel("Cheaper model").fill(b.cheaper);
    await form.getByRole("button", { name: "Add budget" }).click();
  }
}

test("owner adds hard and soft budgets and a per-user limit; a soft budget gets its alert rule", async ({ page }) => {
  const projectId = await new AuthPages(page).signUpWithProject(newUser("budgets"));
  const budgets = new BudgetsPage(page, projectId);
  await budgets.open();
  await expect(budgets.card("Budgets")).toContainText("No budgets yet");

  // A downgrade without the cheaper model is refused in place, nothing saved.
  await budgets.add({ name: "daily-cap", limit: "5", atLimit: "Downgrade to a cheaper model (hard)", cheaper: "" });
  await expect(budgets.card("Add a budget").getByRole("alert")).toContainText("Nothing was saved");
  await expect(budgets.card("Budgets")).toContainText("No budgets yet");

  await budgets.card("Add a budget").getByLabel("Cheaper model").fill("gpt-4o-mini");
  await budgets.card("Add a budget").getByRole("button", { name: "Add budget" }).click();
  await expect(budgets.row("daily-cap")).toContainText("hard · downgrade to gpt-4o-mini");
  await expect(budgets.row("daily-cap")).toContainText("$0.00 of $5.00");

  // Edited in place: a refused change keeps the stored budget, a valid one replaces it.
  await page.getByRole("button", { name: "Edit daily-cap" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit daily-cap" });
  await expect(dialog.getByLabel("Cheaper model")).toHaveValue("gpt-4o-mini");
  await dialog.getByLabel("Cheaper model").fill("");
  await dialog.getByRole("button", { name: "Save budget" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Nothing was saved");
  await page.keyboard.press("Escape");
  await expect(budgets.row("daily-cap")).toContainText("hard · downgrade to gpt-4o-mini");
  await page.getByRole("button", { name: "Edit daily-cap" }).click();
  await expect(dialog.getByLabel("Cheaper model")).toHaveValue("gpt-4o-mini");
  await dialog.getByLabel("Limit (USD)").fill("7.5");
  await dialog.getByLabel("At the limit").selectOption({ label: "Block calls (hard)" });
  await screenshotBothThemes(page, "budgets-edit");
  await dialog.getByRole("button", { name: "Save budget" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(budgets.row("daily-cap")).toContainText("hard · block");
  await expect(budgets.row("daily-cap")).toContainText("$0.00 of $7.50");

  await budgets.add({ name: "monthly-heads-up", limit: "250", atLimit: "Alert (soft)" });
  await expect(budgets.row("monthly-heads-up")).toContainText("soft · alerts");

  const limits = budgets.card("Per-user limits");
  await limits.getByLabel("Requests per user per minute").fill("10");
  await limits.getByRole("button", { name: "Save limits" }).click();
  await expect(limits.getByRole("status")).toContainText("Saved");
  await page.reload();
  await expect(limits.getByLabel("Requests per user per minute")).toHaveValue("10");

  // The soft budget's alert is an ordinary rule on the Alerts page.
  await page.goto(`/p/${projectId}/alerts`);
  await expect(page.getByText("Budget monthly-heads-up").first()).toBeVisible();

  await budgets.open();
  await page.getByRole("button", { name: "Delete daily-cap" }).click();
  await page.getByRole("button", { name: "Delete budget" }).click();
  await expect(budgets.row("daily-cap")).toHaveCount(0);
  await expect(budgets.row("monthly-heads-up")).toBeVisible();
});
