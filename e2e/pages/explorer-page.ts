import { readFile } from "node:fs/promises";
import { expect, type Page } from "@playwright/test";
import { screenshotBothThemes } from "../fixtures";

/** The request explorer: the filtered list, its exports, and a request's detail page. */
export class ExplorerPage {
  constructor(private readonly page: Page, private readonly projectId: string) {}

  async goto(query = "") {
    await this.page.goto(`/p/${this.projectId}/requests${query ? `?${query}` : ""}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Requests" })).toBeVisible();
  }

  table() {
    return this.page.getByRole("table", { name: "Requests" });
  }

  rows() {
    return this.page.getByTestId("request-row");
  }

  /** The row's link (its name, endpoint or id). */
  link(name: string) {
    return this.table().getByRole("link", { name, exact: true });
  }

  /** Shows or hides a column through the Columns menu. */
  async toggleColumn(label: string) {
    await this.page.getByRole("button", { name: "Columns" }).click();
    await this.page.getByRole("menuitemcheckbox", { name: label }).click();
    await this.page.keyboard.press("Escape");
  }

  async search(text: string) {
    await this.page.getByRole("searchbox", { name: "Search requests" }).fill(text);
    await this.page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(this.page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(text)}`));
  }

  /** Downloads an export and returns its text, after checking the browser saw an attachment. */
  async download(format: "CSV" | "JSONL"): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), this.page.getByRole("link", { name: `Export ${format}` }).click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: await readFile(path, "utf8") };
  }

  chatMessages(side: "input" | "output") {
    return this.page.getByRole("list", { name: `${side} messages` }).getByTestId("chat-message");
  }

  waterfallRows() {
    return this.page.getByRole("list", { name: "Trace waterfall" }).getByTestId("waterfall-row");
  }

  screenshot(name: string) {
    return screenshotBothThemes(this.page, name);
  }
}
