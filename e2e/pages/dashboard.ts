import { expect, type Page } from "@playwright/test";
import { screenshotBothThemes } from "../fixtures";

/** The overview dashboard: tiles, filter bar, breakdowns. */
export class DashboardPage {
  constructor(private readonly page: Page, private readonly projectId: string) {}

  async goto(query = "") {
    await this.page.goto(`/p/${this.projectId}${query ? `?${query}` : ""}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
    await expect(this.page.getByTestId("filter-bar")).toBeVisible();
  }

  tile(id: "requests" | "error-rate" | "p95" | "p50" | "p99" | "cost" | "tokens" | "score") {
    return this.page.getByTestId(`tile-${id}-value`);
  }

  async chooseModel(model: string) {
    await this.page.getByRole("combobox", { name: "Model" }).selectOption(model);
    await expect(this.page).toHaveURL(new RegExp(`model=${encodeURIComponent(model)}`));
  }

  breakdown(title: string) {
    return this.page.locator("section", { has: this.page.getByRole("heading", { name: `By ${title}`, exact: true }) });
  }

  screenshot(name: string) {
    return screenshotBothThemes(this.page, name);
  }
}
