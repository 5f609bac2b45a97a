import { expect, type Page } from "@playwright/test";

export class ApiKeysPage {
  constructor(private readonly page: Page, private readonly projectId: string) {}

  async goto() {
    await this.page.goto(`/p/${this.projectId}/settings/api-keys`);
    await expect(this.page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
  }

  createButton() {
    return this.page.getByRole("button", { name: "Create API key" });
  }

  /** Creates a key and returns both halves as shown (once) in the dialog. */
  async create(name: string): Promise<{ secretKey: string; publicKey: string }> {
    await this.createButton().click();
    await this.page.getByLabel("Key name").fill(name);
    await this.page.getByRole("button", { name: "Create key" }).click();
    const secret = this.page.getByRole("textbox", { name: "Secret key" });
    await expect(secret).toHaveValue(/^sk-/);
    await expect(this.page.getByRole("dialog")).toContainText("shown only once");
    const secretKey = await secret.inputValue();
    const publicKey = await this.page.getByRole("textbox", { name: "Public key" }).inputValue();
    await this.page.getByRole("button", { name: "Done" }).click();
    await expect(this.page.getByRole("dialog")).toBeHidden();
    return { secretKey, publicKey };
  }

  row(name: string) {
    return this.page.getByRole("row").filter({ has: this.page.getByRole("cell", { name, exact: true }) });
  }

  async revoke(name: string) {
    await this.page.getByRole("button", { name: `Revoke ${name}` }).click();
    await this.page.getByRole("button", { name: "Revoke key" }).click();
    await expect(this.row(name)).toContainText("Revoked");
  }
}

export class MembersPage {
  constructor(private readonly page: Page, private readonly projectId: string) {}

  async goto() {
    await this.page.goto(`/p/${this.projectId}/settings/members`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
  }

  /** Creates an invite link for a role and returns its URL. */
  async invite(role: string): Promise<string> {
    await this.page.getByRole("button", { name: "Invite member" }).click();
    await this.page.getByRole("dialog").getByLabel("Role", { exact: true }).selectOption(role);
    await this.page.getByRole("button", { name: "Create invite link" }).click();
    const link = this.page.getByRole("textbox", { name: "Invite link" });
    await expect(link).toHaveValue(/\/invite\/[\w-]+$/);
    const url = await link.inputValue();
    await this.page.getByRole("button", { name: "Done" }).click();
    return url;
  }
}
