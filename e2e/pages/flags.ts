import { expect, type Page } from "@playwright/test";

/** Flags: the list, the create form, a flag's page (kill switch, rules, variants, history) and the variant comparison. */
export class FlagsPage {
  constructor(private readonly page: Page, private readonly projectId: string) {}

  /** Arrives the way a user does: the left nav's Flags. */
  async open() {
    await this.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Flags" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Flags" })).toBeVisible();
  }

  async openFlag(key: string) {
    await this.open();
    await this.page.getByRole("link", { name: key, exact: true }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: key })).toBeVisible();
  }

  async startCreate() {
    await this.page.getByRole("link", { name: "New flag" }).first().click();
    await expect(this.page.getByRole("heading", { level: 1, name: "New flag" })).toBeVisible();
  }

  async fillCreate(key: string, description: string) {
    await this.page.getByLabel("Key", { exact: true }).fill(key);
    await this.page.getByLabel("Description").fill(description);
    await this.page.getByRole("button", { name: "Create flag" }).click();
  }

  card(name: "Kill switch" | "Rules" | "Variants" | "History" | "All flags" | "Variant comparison") {
    return this.page.getByRole("region", { name, exact: true });
  }

  rule(n: number) {
    return this.card("Rules").getByRole("listitem", { name: `Rule ${n}` });
  }

  killSwitch(environment: string) {
    return this.page.getByTestId(`kill-switch-${environment}`);
  }

  /** Flips an environment's kill switch and confirms in the dialog. */
  async kill(environment: string) {
    await this.killSwitch(environment).getByRole("button", { name: `Kill ${environment}` }).click();
    const dialog = this.page.getByRole("dialog");
    await expect(dialog).toContainText("Every user in");
    await dialog.getByRole("button", { name: `Yes, kill ${environment}` }).click();
    await expect(dialog).toHaveCount(0);
  }

  historyRow(what: string) {
    return this.card("History").getByRole("row").filter({ hasText: what });
  }

  comparisonRow(metric: string) {
    return this.card("Variant comparison").getByRole("row").filter({ has: this.page.getByText(metric, { exact: true }) });
  }
}
