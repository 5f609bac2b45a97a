import { expect, test, type Page } from "@playwright/test";
import { startTraffic } from "../scripts/demo/traffic";
import { newUser, screenshotBothThemes } from "./fixtures";
import { AuthPages } from "./pages/auth";
import { ReviewPage } from "./pages/review";
import { ApiKeysPage, MembersPage } from "./pages/settings";

/** Four chat calls on /chat (the sampling rule takes all of them) and one on /search (it takes none). */
function traffic(now: number) {
  const at = (i: number) => new Date(now - 5 * 60_000 + i * 1000).toISOString();
  const chat = [1, 2, 3, 4].map((i) => ({
    id: `rq-chat-${i}`, traceId: `rq-trace-${i}`, name: "answer", startTime: at(i), durationMs: 400, provider: "openai", model: "gpt-4o-mini", endpoint: "/chat",
    input: [{ role: "system", content: "You answer order questions." }, { role: "user", content: `Where is order 4${i}?` }],
    output: { role: "assistant", content: `Order 4${i} shipped yesterday.` },
  }));
  return [...chat, { id: "rq-search-1", name: "search", startTime: at(9), durationMs: 200, endpoint: "/search", input: "order 99", output: { hits: 3 } }];
}

/** The invited reviewer signs up in their own browser context and lands in the project. */
async function reviewerJoins(page: Page, link: string, projectId: string) {
  await page.goto(link);
  await page.getByRole("link", { name: "Create an account" }).click();
  await new AuthPages(page).fillSignUp(newUser("reviewer"));
  await expect(page).toHaveURL(new RegExp(`/p/${projectId}`));
}

test("an admin creates a queue that sampling fills; a reviewer scores three items by keyboard, skips one; progress, scores and the JSONL export follow", async ({ page, browser, request }) => {
  test.setTimeout(150_000);
  const projectId = await new AuthPages(page).signUpWithProject(newUser("review-owner"));
  const keys = new ApiKeysPage(page, projectId);
  await keys.goto();
  const { secretKey } = await keys.create("backend");
  const members = new MembersPage(page, projectId);
  await members.goto();
  const invite = await members.invite("reviewer");

  // An empty project says what to do next.
  const review = new ReviewPage(page, projectId);
  await review.open();
  await expect(page.getByRole("heading", { name: "No review queues yet" })).toBeVisible();
  await screenshotBothThemes(page, "review-empty");

  await review.createQueue(
    {
      name: "Support answers",
      description: "Every /chat answer this week",
      instructions: "## How to judge\n- Is the **order status** right?\n- Tone: friendly beats neutral.\n\n<script>alert(1)</script>",
      rubric: [
        { name: "helpful", type: "numeric", min: 1, max: 5 },
        { name: "correct", type: "boolean" },
        { name: "tone", type: "categorical", options: ["friendly", "neutral", "rude"] },
        { name: "notes", type: "text" },
      ],
      allowCorrection: true,
      rules: [{ endpoint: "/chat", rate: 100 }],
    },
    async () => {
      // The instructions preview renders Markdown, and HTML only as text.
      await expect(page.getByTestId("instructions").getByRole("heading", { name: "How to judge" })).toBeVisible();
      await expect(page.getByTestId("instructions").locator("strong")).toHaveText("order status");
      await expect(page.getByTestId("instructions")).toContainText("<script>alert(1)</script>");
      await screenshotBothThemes(page, "review-queue-form");
    },
  );
  await expect(page.getByRole("region", { name: "Set-up" })).toContainText("endpoint = /chat · 100 %");

  // Traffic arrives; the rule samples the four /chat calls at ingestion.
  const res = await request.post("/api/v1/ingest", { headers: { Authorization: `Bearer ${secretKey}` }, data: { events: traffic(Date.now()) } });
  expect(await res.json()).toEqual({ accepted: 5, duplicates: 0, rejected: [] });
  await review.open();
  await expect(review.queueRow("Support answers").getByRole("cell").nth(1)).toHaveText("4");
  await expect(review.queueRow("Support answers").getByRole("cell").nth(2)).toHaveText("0");

  // The reviewer's console shows the review queues and nothing else.
  let reviewed = "";
  const reviewerContext = await browser.newContext();
  try {
    const rp = await reviewerContext.newPage();
    await reviewerJoins(rp, invite, projectId);
    await expect(rp).toHaveURL(new RegExp(`/p/${projectId}/review$`)); // the project opens on Review for them
    const nav = rp.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link")).toHaveText(["Review"]);
    const rv = new ReviewPage(rp, projectId);
    await rv.open();
    await expect(rp.getByRole("link", { name: "New queue" })).toHaveCount(0);
    await rp.getByRole("link", { name: "Review Support answers" }).click();
    await expect(rp.getByRole("heading", { level: 1, name: "Reviewing Support answers" })).toBeVisible();

    // Item 1, keyboard only: 4, yes, neutral, a comment, Enter.
    const first = await rv.currentRequestId();
    reviewed = first;
    await expect(rv.item().getByRole("list", { name: "input messages" })).toContainText("Where is order");
    await expect(rp.getByTestId("lock-countdown")).toContainText(/Held for you for [45]:\d\d/);
    await rp.keyboard.press("4");
    await rp.keyboard.press("1");
    await rp.keyboard.press("2");
    await expect(rv.chosen("helpful")).toHaveText("4");
    await expect(rv.chosen("correct")).toHaveText("yes");
    await expect(rv.chosen("tone")).toHaveText("neutral");
    await rp.keyboard.press("c");
    await rp.keyboard.type("Clear and short");
    await rp.keyboard.press("Escape");
    await rp.keyboard.press("Enter");
    await expect(rv.sessionCount()).toHaveText("1");
    const second = await rv.currentRequestId();
    expect(second).not.toBe(first);

    // Item 2: the help overlay, j/k between lines, a correction.
    await rp.keyboard.press("?");
    const help = rp.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(help).toContainText("Skip: the item goes back to the queue for others");
    await screenshotBothThemes(rp, "review-shortcuts");
    await rp.keyboard.press("Escape");
    await expect(help).toHaveCount(0);
    await rp.keyboard.press("Enter"); // nothing answered yet: refused, and the first missing line is named
    await expect(rv.item().getByRole("alert")).toContainText("Answer helpful, correct, tone first.");
    await rp.keyboard.press("j");
    await rp.keyboard.press("0");
    await rp.keyboard.press("3");
    await rp.keyboard.press("k");
    await rp.keyboard.press("k");
    await rp.keyboard.press("2");
    await expect(rv.chosen("helpful")).toHaveText("2");
    await expect(rv.chosen("correct")).toHaveText("no");
    await expect(rv.chosen("tone")).toHaveText("rude");
    await rp.keyboard.press("e");
    await rp.keyboard.type("Order 42 ships today.");
    await rp.keyboard.press("Escape");
    await rp.keyboard.press("Enter");
    await expect(rv.sessionCount()).toHaveText("2");
    const third = await rv.currentRequestId();
    expect([first, second]).not.toContain(third);

    // Item 3, then skip item 4: nothing is left for this reviewer.
    await screenshotBothThemes(rp, "review-screen");
    for (const key of ["5", "1", "1", "Enter"]) await rp.keyboard.press(key);
    await expect(rv.sessionCount()).toHaveText("3");
    const fourth = await rv.currentRequestId();
    expect([first, second, third]).not.toContain(fourth);
    await rp.keyboard.press("s");
    await expect(rp.getByRole("heading", { name: "Nothing left for you in this queue" })).toBeVisible();

    // Progress: three completed, one pending (skipped items go back for others).
    await rp.getByRole("link", { name: "See the queue's progress" }).click();
    await expect(rp.getByRole("heading", { level: 1, name: "Support answers" })).toBeVisible();
    await expect(rv.figure("Completed")).toHaveText("3");
    await expect(rv.figure("Pending")).toHaveText("1");
    await expect(rv.reviewerRow("reviewer-").getByRole("cell")).toHaveText([/reviewer-/, "3", "1", /./]);
    await expect(rv.completedRows()).toHaveCount(3);
    await expect(rp.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
    await screenshotBothThemes(rp, "review-queue");

    // The export is valid JSONL: one line per completed item with input, output, correction, scores, comments.
    const { name, text } = await rv.exportJsonl();
    expect(name).toMatch(/^review-.+\.jsonl$/);
    const lines = text.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.requestId).sort()).toEqual([first, second, third].sort());
    expect(lines.find((l) => l.requestId === first)).toMatchObject({ scores: { helpful: 4, correct: true, tone: "neutral" }, comments: ["Clear and short"], correctedOutput: null, output: { role: "assistant" } });
    expect(lines.find((l) => l.requestId === second)).toMatchObject({ scores: { helpful: 2, correct: false, tone: "rude" }, correctedOutput: "Order 42 ships today." });
    expect(lines.every((l) => Array.isArray(l.input) && (l.reviews as unknown[]).length === 1)).toBe(true);

    // A completed item, with the reason it is read-only.
    await rv.completedRows().filter({ hasText: second }).getByRole("link").click();
    await expect(rp.getByRole("heading", { level: 1, name: `Item ${second}` })).toBeVisible();
    await expect(rp.getByRole("region", { name: "Reviews" })).toContainText("Read-only: a completed review cannot be changed yet");
    await expect(rp.getByTestId("review-entry")).toContainText("Order 42 ships today.");
    await screenshotBothThemes(rp, "review-item");

    // Queue settings are not the reviewer's: the form is a missing page to them.
    await rp.goto(rv.url("/new"));
    await expect(rp.getByRole("heading", { name: /not found/i })).toBeVisible();
  } finally {
    await reviewerContext.close();
  }

  // The verdicts are human scores on the request.
  await page.goto(`/p/${projectId}/requests/${encodeURIComponent(reviewed)}`);
  const scores = page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: "Scores" }) });
  await expect(scores.getByRole("listitem").filter({ hasText: "helpful" })).toContainText(/4\s*human/);

  // A page of the explorer can be added in bulk: the sampled /chat calls are in the queue already.
  await page.goto(`/p/${projectId}/requests?endpoint=%2Fchat`);
  await page.getByRole("button", { name: "Add this page to review queue" }).click();
  await page.getByRole("menuitem", { name: "Support answers" }).click();
  await expect(page.getByRole("status").filter({ hasText: "4 requests already in Support answers." })).toBeVisible();

  // The admin adds the /search request from the explorer; the queue and its reviewer progress show it.
  await page.goto(`/p/${projectId}/requests/rq-search-1`);
  await page.getByRole("button", { name: "Add to review queue" }).click();
  await page.getByRole("menuitem", { name: "Support answers" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added 1 request to Support answers." })).toBeVisible();
  await screenshotBothThemes(page, "review-add-from-explorer");
  await review.open();
  const row = review.queueRow("Support answers");
  await expect(row.getByRole("cell").nth(1)).toHaveText("2");
  await expect(row.getByRole("cell").nth(2)).toHaveText("3");
  await expect(row).toContainText("3 done, 1 skipped");
  await screenshotBothThemes(page, "review-queues");

  // The edit form starts from the saved queue.
  await row.getByRole("link", { name: "Support answers", exact: true }).click();
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page.getByLabel("Rule 1 endpoint")).toHaveValue("/chat");
  await expect(page.getByLabel("Score 3 options")).toHaveValue("friendly, neutral, rude");
  await screenshotBothThemes(page, "review-queue-edit");
});

test("live demo traffic fills a queue through its sampling rule, and an item opens for review", async ({ page, baseURL }) => {
  const projectId = await new AuthPages(page).signUpWithProject(newUser("review-demo"));
  const keys = new ApiKeysPage(page, projectId);
  await keys.goto();
  const { secretKey } = await keys.create("demo traffic");
  const review = new ReviewPage(page, projectId);
  await review.open();
  await review.createQueue({
    name: "Support chat",
    description: "Half of the support answers",
    instructions: "Is the answer right?",
    rubric: [{ name: "right", type: "boolean" }],
    allowCorrection: false,
    rules: [{ endpoint: "support-chat", rate: 50 }],
  });

  // Simulated users → real clients → SDK → ingestion, where the rule samples support-chat calls.
  const traffic = await startTraffic({ baseUrl: baseURL!, secretKey, requestsPerSecond: 20, seed: 5 });
  const pending = async () => {
    await review.open();
    return Number(await review.queueRow("Support chat").getByRole("cell").nth(1).innerText());
  };
  try {
    await expect.poll(pending, { timeout: 60_000, intervals: [2_000] }).toBeGreaterThanOrEqual(3);
  } finally {
    await traffic.stop();
  }
  await page.getByRole("link", { name: "Review Support chat" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reviewing Support chat" })).toBeVisible();
  await expect(review.item().getByRole("list", { name: "input messages" })).not.toBeEmpty();
});
