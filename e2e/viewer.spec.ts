import { expect, test } from "@playwright/test";
import { newUser } from "./fixtures";
import { AuthPages } from "./pages/auth";
import { ApiKeysPage, MembersPage } from "./pages/settings";

test("an invited viewer joins the project but cannot see the create-key control", async ({ page, browser }) => {
  const projectId = await new AuthPages(page).signUpWithProject(newUser("owner"), "Search assistant");
  const members = new MembersPage(page, projectId);
  await members.goto();
  const link = await members.invite("viewer");

  const viewerContext = await browser.newContext();
  try {
    const viewerPage = await viewerContext.newPage();
    await viewerPage.goto(link);
    await expect(viewerPage.getByRole("heading", { level: 1 })).toContainText("Join");
    await expect(viewerPage.getByRole("link", { name: "Sign in" })).toBeVisible();
    const token = new URL(link).pathname.split("/").pop()!;
    const createAccount = viewerPage.getByRole("link", { name: "Create an account" });
    await expect(createAccount).toHaveAttribute("href", `/sign-up?invite=${token}`);
    await createAccount.click();
    await new AuthPages(viewerPage).fillSignUp(newUser("viewer"));
    await expect(viewerPage).toHaveURL(new RegExp(`/p/${projectId}`));
    await expect(viewerPage.getByRole("button", { name: "Switch project" })).toContainText("Search assistant");

    const keys = new ApiKeysPage(viewerPage, projectId);
    await keys.goto();
    await expect(keys.createButton()).toHaveCount(0);

    // The used link cannot be used again.
    await viewerPage.goto(link);
    await expect(viewerPage.getByRole("main").getByRole("alert")).toContainText("already been used");

    // Someone else's (or no) project looks exactly like a missing page.
    await viewerPage.goto("/p/00000000-0000-0000-0000-000000000000");
    await expect(viewerPage.getByRole("heading", { name: /not found/i })).toBeVisible();
  } finally {
    await viewerContext.close();
  }

  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: "viewer-" })).toContainText("viewer");
});
