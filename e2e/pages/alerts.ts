import { expect, type Page } from "@playwright/test";

/** Alerts: the list, the rule editor, a rule's page, silences and the channels in settings. */
export class AlertsPage {
  constructor(private readonly page: Page, private readonly projectId: string) {}

  /** Arrives the way a user does: the left nav's Alerts. */
  async open() {
    await this.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Alerts" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Alerts" })).toBeVisible();
  }

  card(name: string) {
    return this.page.getByRole("region", { name, exact: true });
  }

  async openChannels() {
    await this.page.goto(`/p/${this.projectId}/settings`);
    await this.page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Channels" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Notification channels" })).toBeVisible();
  }

  async addWebhook(name: string, url: string, secret: string) {
    await this.page.getByLabel("Channel name").fill(name);
    await this.page.getByLabel("URL").fill(url);
    await this.page.getByLabel("Signing secret").fill(secret);
    await this.page.getByRole("button", { name: "Add channel" }).click();
    await expect(this.channelRow(name)).toBeVisible();
  }

  channelRow(name: string) {
    return this.page.getByRole("table", { name: "Notification channels" }).getByRole("row").filter({ has: this.page.getByRole("cell", { name, exact: true }) });
  }

  /** Opens the editor from the Alerts page and fills what an error-rate rule for one model needs. */
  async startRule(r: { name: string; model: string; thresholdPercent: string; forSeconds: string; minRequests: string; channel?: string }) {
    await this.page.getByRole("link", { name: "New rule" }).first().click();
    await expect(this.page.getByRole("heading", { level: 1, name: "New alert rule" })).toBeVisible();
    await this.page.getByLabel("Name", { exact: true }).fill(r.name);
    await this.page.getByLabel("Metric").selectOption({ label: "Error rate" });
    await this.page.getByLabel("Model", { exact: true }).fill(r.model);
    await this.page.getByLabel("Threshold").fill(r.thresholdPercent);
    await this.page.getByLabel("For", { exact: true }).fill(r.forSeconds);
    await this.page.getByLabel("For unit").selectOption({ label: "seconds" });
    await this.page.getByLabel("Minimum requests").fill(r.minRequests);
    if (r.channel) await this.page.getByRole("checkbox", { name: new RegExp(`^${r.channel}`) }).check();
  }

  async save() {
    await this.page.getByRole("button", { name: "Create rule" }).click();
  }

  async evaluateNow() {
    await this.page.getByRole("button", { name: "Evaluate now" }).click();
    await expect(this.page.getByRole("status").filter({ hasText: /^Evaluated/ })).toBeVisible();
  }

  /** From a rule's page: its Silence button, a comment, the default two hours. */
  async silenceFromRule(comment: string) {
    await this.page.getByRole("link", { name: "Silence" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Silences" })).toBeVisible();
    await this.page.getByLabel("Comment").fill(comment);
    await this.page.getByRole("button", { name: "Create silence" }).click();
    await expect(this.page.getByRole("status").filter({ hasText: "Silence created" })).toBeVisible();
  }
}
