import { expect, test } from "@playwright/test";
import { newUser } from "./fixtures";
import { AuthPages } from "./pages/auth";
import { ApiKeysPage } from "./pages/settings";

test("sign up → create project → create key (shown once) → revoke → sign out → sign in", async ({ page, request }) => {
  const auth = new AuthPages(page);
  const user = newUser("owner");
  const projectId = await auth.signUpWithProject(user);

  const keys = new ApiKeysPage(page, projectId);
  await keys.goto();
  const { secretKey, publicKey } = await keys.create("production backend");
  expect(publicKey).toMatch(/^pk-/);

  // After the dialog closes the secret is gone for good: only its prefix remains.
  await expect(page.getByText(secretKey)).toHaveCount(0);
  expect(await page.content()).not.toContain(secretKey);
  await expect(keys.row("production backend")).toContainText(`${secretKey.slice(0, 7)}…`);
  await page.reload();
  expect(await page.content()).not.toContain(secretKey);

  // The dashboard's getting-started card now shows the key pair's public half only.
  await page.goto(`/p/${projectId}`);
  await expect(page.getByLabel("Public key — production backend")).toHaveValue(publicKey);
  expect(await page.content()).not.toContain(secretKey);
  await keys.goto();

  const auth_ = { Authorization: `Bearer ${secretKey}` };
  const ok = await request.get("/api/v1/project", { headers: auth_ });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).id).toBe(projectId);

  await keys.revoke("production backend");
  const refused = await request.get("/api/v1/project", { headers: auth_ });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("UNAUTHORIZED");

  await auth.signOut();
  await page.goto(`/p/${projectId}/settings/api-keys`);
  await expect(page).toHaveURL(/\/sign-in/);

  await auth.signIn(user.email, user.password);
  await expect(page).toHaveURL(new RegExp(`/p/${projectId}`));
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByText("No API keys yet")).toBeVisible();

  await page.goto(`/p/${projectId}/settings/audit`);
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  const table = page.getByRole("table");
  await expect(table).toContainText("api_key.create");
  await expect(table).toContainText("api_key.revoke");
  await expect(table).toContainText("project.create");
});

test("bad sign-in and duplicate sign-up show a message instead of failing", async ({ page }) => {
  const auth = new AuthPages(page);
  const user = newUser("dup");
  await auth.signUpWithProject(user);
  await auth.signOut();

  await auth.signIn(user.email, "not the password");
  // Scoped to the form: Next.js's route announcer is an alert region too.
  const formAlert = page.locator("form").getByRole("alert");
  await expect(formAlert).toContainText("Wrong email or password");
  await expect(page).toHaveURL(/\/sign-in/);

  await auth.signUp({ ...user, email: user.email.toUpperCase() });
  await expect(formAlert).toContainText("already exists");

  await auth.signUp({ ...newUser("short"), password: "short" });
  await expect(formAlert).toContainText("Check the highlighted fields");
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
});
