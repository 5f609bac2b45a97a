import { expect, test } from "@playwright/test";
import { newUser } from "./fixtures";
import { AuthPages } from "./pages/auth";
import { ProjectSettingsPage } from "./pages/project-settings";

test("owner changes redaction and model prices; the changes persist and are audited", async ({ page }) => {
  const projectId = await new AuthPages(page).signUpWithProject(newUser("settings"));
  const settings = new ProjectSettingsPage(page, projectId);
  await settings.open();

  // A new project keeps 30 days and runs every detector.
  const retention = settings.card("Data retention");
  await expect(retention.getByLabel("Retention (days)")).toHaveValue("30");
  const redaction = settings.card("Redaction");
  const phone = redaction.getByRole("checkbox", { name: "Phone numbers" });
  for (const label of ["E-mail addresses", "Phone numbers", "Credit card numbers", "IP addresses", "Secrets and tokens"]) {
    await expect(redaction.getByRole("checkbox", { name: label })).toBeChecked();
  }

  await retention.getByLabel("Retention (days)").fill("90");
  await retention.getByRole("button", { name: "Save" }).click();
  await expect(retention.getByRole("status")).toContainText("Saved");

  await phone.uncheck();
  await settings.saveRedaction();
  await expect(redaction.getByRole("status")).toContainText("Saved");
  await page.reload();
  await expect(retention.getByLabel("Retention (days)")).toHaveValue("90");
  await expect(phone).not.toBeChecked();
  await expect(redaction.getByRole("checkbox", { name: "E-mail addresses" })).toBeChecked();

  // The server compiles the regex and refuses a broken one; the form says why, in place.
  await settings.addPattern("order_id", "(");
  await settings.saveRedaction();
  await expect(redaction.getByRole("alert")).toContainText('Pattern "order_id": This is not a valid JavaScript regular expression');

  // No overrides yet: the empty state explains the shipped table covers the usual models.
  const prices = settings.card("Model prices");
  await expect(prices).toContainText("No price overrides");
  await expect(prices).toContainText(/ships prices for \d+ models/);
  await settings.addPrice("my-model-*", "1", "2");
  const row = settings.priceRow("my-model-*");
  await expect(row).toContainText("$1");
  await expect(row).toContainText("$2");
  await expect(prices.getByLabel("Model or pattern")).toHaveValue("");

  // For humans to look at: the page with an override, an unsaved pattern and the alert.
  await page.screenshot({ path: "test-results/screens/settings-light.png", fullPage: true });

  await prices.getByRole("button", { name: "Delete my-model-*" }).click();
  await expect(row).toHaveCount(0);
  await expect(prices).toContainText("No price overrides");

  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const audit = page.getByRole("table");
  await expect(audit).toContainText("settings.update");
  await expect(audit).toContainText("model_price.create");
  await expect(audit).toContainText("model_price.delete");
});
