import { expect, type Page } from "@playwright/test";
import type { Credentials } from "../fixtures";

export class AuthPages {
  constructor(private readonly page: Page) {}

  async signUp(user: Credentials, inviteToken?: string) {
    await this.page.goto(inviteToken ? `/sign-up?invite=${inviteToken}` : "/sign-up");
    await this.fillSignUp(user);
  }

  async fillSignUp(user: Credentials) {
    await this.page.getByLabel("Name").fill(user.name);
    await this.page.getByLabel("Email").fill(user.email);
    await this.page.getByLabel("Password").fill(user.password);
    await this.page.getByRole("button", { name: "Create account" }).click();
  }

  async signIn(email: string, password: string) {
    await this.page.goto("/sign-in");
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  async signOut() {
    await this.page.getByRole("button", { name: "Account menu" }).first().click();
    await this.page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(this.page).toHaveURL(/\/sign-in/);
  }

  /** Sign up and create the first project; returns the project's id. */
  async signUpWithProject(user: Credentials, projectName = "Support bot"): Promise<string> {
    await this.signUp(user);
    await expect(this.page.getByRole("heading", { name: "Create your first project" })).toBeVisible();
    await this.page.getByLabel("Project name").fill(projectName);
    await this.page.getByRole("button", { name: "Create project" }).click();
    await expect(this.page.getByRole("heading", { name: "Send your first request" })).toBeVisible();
    const match = /\/p\/([0-9a-f-]{36})/.exec(this.page.url());
    expect(match).not.toBeNull();
    return match![1]!;
  }
}
