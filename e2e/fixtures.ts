import { randomUUID } from "node:crypto";

export type Credentials = { name: string; email: string; password: string };

/** A fresh account per test keeps tests independent on one shared server. */
export function newUser(label = "user"): Credentials {
  return { name: `${label} ${randomUUID().slice(0, 6)}`, email: `${label}-${randomUUID()}@e2e.test`, password: "correct horse battery staple" };
}

/** Full-page screenshots of the current page in both themes (the theme class is what the toggle sets), kept as test artifacts. */
export async function screenshotBothThemes(page: import("@playwright/test").Page, name: string): Promise<void> {
  for (const theme of ["light", "dark"] as const) {
    await page.evaluate((t) => {
      document.documentElement.classList.toggle("dark", t === "dark");
      document.documentElement.style.colorScheme = t;
    }, theme);
    await page.screenshot({ path: `test-results/screens/${name}-${theme}.png`, fullPage: true });
  }
}
