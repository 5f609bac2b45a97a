import { expect, type Page } from "@playwright/test";

/** Settings → Project: general, data retention, redaction and model prices, one card each. */
export class ProjectSettingsPage {
  constructor(private readonly page: Page, private readonly projectId: string) {}

  /** Arrives the way a user does: the left nav's Settings, then the Project tab. */
  async open() {
    await this.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await this.page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Project" }).click();
    await expect(this.page).toHaveURL(new RegExp(`/p/${this.projectId}/settings/project`));
    await expect(this.page.getByRole("heading", { level: 1, name: "Project" })).toBeVisible();
  }

  card(name: "General" | "Data retention" | "Redaction" | "Model prices") {
    return this.page.getByRole("region", { name, exact: true });
  }

  async saveRedaction() {
    const card = this.card("Redaction");
    await card.getByRole("button", { name: "Save redaction" }).click();
  }

  async addPattern(name: string, regex: string) {
    const card = this.card("Redaction");
    await card.getByLabel("Pattern name").fill(name);
    await card.getByLabel("Regular expression").fill(regex);
    await card.getByRole("button", { name: "Add pattern" }).click();
    await expect(card.getByRole("list", { name: "Custom patterns" })).toContainText(name);
  }

  async addPrice(pattern: string, input: string, output: string) {
    const card = this.card("Model prices");
    await card.getByLabel("Model or pattern").fill(pattern);
    await card.getByLabel("Input $ per 1M tokens", { exact: true }).fill(input);
    await card.getByLabel("Output $ per 1M tokens", { exact: true }).fill(output);
    await card.getByRole("button", { name: "Add price" }).click();
  }

  priceRow(pattern: string) {
    return this.card("Model prices").getByRole("row").filter({ has: this.page.getByRole("cell", { name: pattern, exact: true }) });
  }
}
