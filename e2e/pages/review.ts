import { readFile } from "node:fs/promises";
import { expect, type Page } from "@playwright/test";

export type RubricLine = { name: string; type: "numeric" | "categorical" | "boolean" | "text"; min?: number; max?: number; options?: string[] };

/** Review queues: the list, the queue form, a queue's page, the review screen and a completed item. */
export class ReviewPage {
  constructor(private readonly page: Page, private readonly projectId: string) {}

  /** Arrives the way a user does: the left nav's Review. */
  async open() {
    await this.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Review" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: "Review queues" })).toBeVisible();
  }

  queueRow(name: string) {
    return this.page.getByRole("table", { name: "Review queues" }).getByRole("row").filter({ hasText: name });
  }

  /** Fills the queue form (the page must be on it) and creates the queue. */
  async createQueue(q: { name: string; description: string; instructions: string; rubric: RubricLine[]; allowCorrection: boolean; rules: { endpoint: string; rate: number }[] }, beforeSubmit?: () => Promise<void>) {
    await this.page.getByRole("link", { name: "New queue" }).first().click();
    await expect(this.page.getByRole("heading", { level: 1, name: "New review queue" })).toBeVisible();
    await this.page.getByLabel("Name", { exact: true }).fill(q.name);
    await this.page.getByLabel("Description", { exact: true }).fill(q.description);
    await this.page.getByLabel("Instructions (Markdown)").fill(q.instructions);
    for (const [i, line] of q.rubric.entries()) {
      const n = i + 1;
      if (i > 0) await this.page.getByRole("button", { name: "Add score" }).click();
      await this.page.getByLabel(`Score ${n} name`).fill(line.name);
      await this.page.getByLabel(`Score ${n} type`).selectOption(line.type);
      if (line.min !== undefined) await this.page.getByLabel(`Score ${n} min`).fill(String(line.min));
      if (line.max !== undefined) await this.page.getByLabel(`Score ${n} max`).fill(String(line.max));
      if (line.options) await this.page.getByLabel(`Score ${n} options`).fill(line.options.join(", "));
    }
    if (q.allowCorrection) await this.page.getByLabel(/may write a corrected output/).check();
    for (const [i, rule] of q.rules.entries()) {
      await this.page.getByRole("button", { name: "Add sampling rule" }).click();
      await this.page.getByLabel(`Rule ${i + 1} endpoint`).fill(rule.endpoint);
      await this.page.getByLabel(`Rule ${i + 1} rate (%)`).fill(String(rule.rate));
    }
    if (beforeSubmit) await beforeSubmit();
    await this.page.getByRole("button", { name: "Create queue" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: q.name })).toBeVisible();
  }

  /** The item on the review screen (its request id is an attribute), once loaded. */
  item() {
    return this.page.getByTestId("review-item");
  }

  async currentRequestId(): Promise<string> {
    await expect(this.item()).toBeVisible();
    return (await this.item().getAttribute("data-request-id"))!;
  }

  rubricLine(name: string) {
    return this.page.getByRole("list", { name: "Rubric" }).getByRole("group", { name, exact: true });
  }

  /** The answer shown as chosen on a rubric line. */
  chosen(line: string) {
    return this.rubricLine(line).locator('button[aria-pressed="true"]');
  }

  sessionCount() {
    return this.page.getByTestId("session-count");
  }

  /** A number from the queue page's progress card. */
  figure(label: "Pending" | "In review" | "Completed" | "Total") {
    return this.page.getByTestId(`items-${label.toLowerCase().replace(/\s+/g, "-")}`).locator("dd").first();
  }

  reviewerRow(label: string) {
    return this.page.getByRole("table", { name: "Reviewers" }).getByRole("row").filter({ hasText: label });
  }

  completedRows() {
    return this.page.getByRole("table", { name: "Completed items" }).locator("tbody tr");
  }

  /** Downloads the queue's export and returns its name and text. */
  async exportJsonl(): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByRole("link", { name: "Export JSONL" }).click()]);
    return { name: download.suggestedFilename(), text: await readFile(await download.path(), "utf8") };
  }

  url(path = "") {
    return `/p/${this.projectId}/review${path}`;
  }
}
