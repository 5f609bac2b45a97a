import { expect, type Page } from "@playwright/test";

/** Prompts: the list, the editor, a prompt's page (labels, metrics, history) and the diff. */
export class PromptsPage {
  constructor(private readonly page: Page, private readonly projectId: string) {}

  /** Arrives the way a user does: the left nav's Prompts. */
  async open() {
    await this.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Prompts" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Prompts" })).toBeVisible();
  }

  async create(name: string, messages: { system: string; user: string }, config: string, commitMessage: string) {
    await this.page.getByRole("link", { name: "New prompt" }).first().click();
    await expect(this.page.getByRole("heading", { level: 1, name: "New prompt" })).toBeVisible();
    await this.page.getByLabel("Name", { exact: true }).fill(name);
    await this.page.getByRole("radio", { name: "Chat (messages)" }).check();
    await this.page.getByLabel("Message 1 content").fill(messages.system);
    await this.page.getByLabel("Message 2 content").fill(messages.user);
    await this.page.getByLabel("Config (JSON)").fill(config);
    await this.page.getByLabel("Commit message").fill(commitMessage);
    await this.page.getByRole("button", { name: "Create prompt" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name })).toBeVisible();
  }

  async saveVersion(edit: { system?: string; config?: string }, commitMessage: string) {
    await this.page.getByRole("link", { name: "New version" }).click();
    if (edit.system !== undefined) await this.page.getByLabel("Message 1 content").fill(edit.system);
    if (edit.config !== undefined) await this.page.getByLabel("Config (JSON)").fill(edit.config);
    await this.page.getByLabel("Commit message").fill(commitMessage);
    await this.page.getByRole("button", { name: "Save version" }).click();
    await expect(this.page.getByRole("heading", { level: 2, name: /^Version \d+$/ })).toBeVisible();
  }

  card(name: "Labels" | "Per-version metrics" | "Version history" | "Preview" | "Template diff" | "Config diff" | "Metrics compared") {
    return this.page.getByRole("region", { name, exact: true });
  }

  historyRow(version: number) {
    return this.card("Version history").getByRole("row").filter({ has: this.page.getByRole("link", { name: `v${version}`, exact: true }) });
  }

  labelRow(label: string) {
    return this.card("Labels").getByRole("row").filter({ has: this.page.getByRole("cell", { name: label, exact: true }) });
  }

  /** Clicks an action that asks first, then confirms in the dialog. */
  async confirm(trigger: string, confirmButton: RegExp) {
    await this.page.getByRole("button", { name: trigger }).click();
    const dialog = this.page.getByRole("dialog");
    await dialog.getByRole("button", { name: confirmButton }).click();
    await expect(dialog).toHaveCount(0);
  }
}
