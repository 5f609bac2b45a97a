import { expect, test } from "@playwright/test";
import { newUser } from "./fixtures";
import { AuthPages } from "./pages/auth";
import { ExplorerPage } from "./pages/explorer-page";
import { ApiKeysPage } from "./pages/settings";

/**
 * Six requests with known answers: a trace of three spans (a root span, an LLM call
 * with a chat body, a tool call whose id needs URL escaping), an Anthropic call that
 * failed, and two more calls.
 */
function dataset(now: number) {
  const t = (minutesAgo: number, plusMs = 0) => new Date(now - minutesAgo * 60_000 + plusMs).toISOString();
  return [
    { id: "ex-root", traceId: "ex-trace", name: "handle-ticket", kind: "span", startTime: t(20), durationMs: 1200, endpoint: "/support", userId: "alice" },
    {
      id: "ex-draft", traceId: "ex-trace", parentId: "ex-root", name: "draft-answer", startTime: t(20, 100), durationMs: 800, timeToFirstTokenMs: 210,
      provider: "openai", model: "gpt-4o-mini", endpoint: "/support", userId: "alice", usage: { inputTokens: 1200, outputTokens: 150 },
      input: [{ role: "system", content: "You answer support tickets briefly." }, { role: "user", content: [{ type: "text", text: "Where is my order 1234?" }] }],
      output: { role: "assistant", content: "It ships tomorrow. <b>not bold</b>", tool_calls: [{ id: "call_1", type: "function", function: { name: "lookup_order", arguments: '{"order":1234}' } }] },
      tags: ["beta"], metadata: { plan: "pro" },
    },
    { id: "ex-lookup/1 %", traceId: "ex-trace", parentId: "ex-draft", name: "lookup-order", kind: "tool", startTime: t(20, 950), durationMs: 200, output: { status: "shipped" } },
    {
      id: "ex-fail", name: "classify", startTime: t(15), durationMs: 300, provider: "anthropic", model: "claude-3-5-haiku-latest", endpoint: "/classify", userId: "bob",
      status: "error", error: { type: "rate_limit", message: "429: slow down", httpStatus: 429, retryable: true },
    },
    { id: "ex-summary", name: "summarize", startTime: t(10), durationMs: 650, provider: "openai", model: "gpt-4o-mini", endpoint: "/summarize", userId: "bob", usage: { inputTokens: 900, outputTokens: 80 }, input: "Summarize: the printer is on fire", output: { text: "Printer fire." } },
    { id: "ex-big", name: "deep-answer", startTime: t(5), durationMs: 2400, provider: "openai", model: "gpt-4o", endpoint: "/support", userId: "carol", usage: { inputTokens: 3000, outputTokens: 400 },
      input: { messages: [{ role: "user", content: `${"A long pasted log line. ".repeat(200)}THE END` }] } },
  ];
}
const NEWEST_FIRST = ["ex-big", "ex-summary", "ex-fail", "ex-lookup/1 %", "ex-draft", "ex-root"];

test("the explorer lists, filters, pages, opens a request with its chat and trace, and exports the filtered rows", async ({ page, request }) => {
  const projectId = await new AuthPages(page).signUpWithProject(newUser("explorer"));
  const explorer = new ExplorerPage(page, projectId);
  await explorer.goto();
  await expect(page.getByRole("heading", { name: "No requests yet" })).toBeVisible();

  const keys = new ApiKeysPage(page, projectId);
  await keys.goto();
  const { secretKey } = await keys.create("backend");
  const res = await request.post("/api/v1/ingest", { headers: { Authorization: `Bearer ${secretKey}` }, data: { events: dataset(Date.now()) } });
  expect(await res.json()).toEqual({ accepted: 6, duplicates: 0, rejected: [] });

  // All six, newest first; the failed call says why.
  await explorer.goto();
  await expect(explorer.rows()).toHaveCount(6);
  await expect(explorer.rows().first()).toContainText("deep-answer");
  await expect(explorer.rows().filter({ hasText: "classify" })).toContainText("error: rate_limit");
  // The default columns fit a laptop screen without sideways scrolling.
  await expect(page.getByRole("columnheader", { name: "User" })).toBeInViewport({ ratio: 1 });
  await explorer.screenshot("explorer-list");

  // The column choice is kept by the browser across reloads.
  await explorer.toggleColumn("User");
  await expect(page.getByRole("columnheader", { name: "User" })).toHaveCount(0);
  await page.reload();
  await expect(explorer.rows()).toHaveCount(6);
  await expect(page.getByRole("columnheader", { name: "User" })).toHaveCount(0);
  await explorer.toggleColumn("User");
  await expect(page.getByRole("columnheader", { name: "User" })).toBeVisible();

  // Oldest first, and keyset pages in the URL: the back button returns to the page before.
  await page.getByRole("columnheader", { name: /Time/ }).getByRole("link").click();
  await expect(explorer.rows().first()).toContainText("handle-ticket");
  await explorer.goto("limit=4");
  await expect(explorer.rows()).toHaveCount(4);
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(explorer.rows()).toHaveCount(2);
  await expect(explorer.rows().last()).toContainText("handle-ticket");
  await page.goBack();
  await expect(explorer.rows()).toHaveCount(4);
  await expect(explorer.rows().first()).toContainText("deep-answer");

  // A model filter in the URL narrows the rows; text search finds a trace by its id.
  await explorer.goto("model=gpt-4o-mini");
  await expect(explorer.rows()).toHaveCount(2);
  await expect(explorer.link("summarize")).toBeVisible();
  await expect(explorer.link("draft-answer")).toBeVisible();
  await explorer.goto();
  await explorer.search("ex-trace");
  await expect(explorer.rows()).toHaveCount(3);
  await explorer.goto("model=no-such-model");
  await expect(page.getByRole("heading", { name: "No requests match" })).toBeVisible();
  await explorer.goto("status=maybe");
  await expect(page.getByRole("alert").filter({ hasText: "These filters cannot be used" })).toContainText("status");

  // The JSONL export holds exactly the filtered rows; the CSV has a header and one line per row.
  await explorer.goto("model=gpt-4o-mini");
  const jsonl = await explorer.download("JSONL");
  expect(jsonl.name).toMatch(/^requests-.*\.jsonl$/);
  const exported = jsonl.text.trim().split("\n").map((line) => JSON.parse(line) as { id: string; model: string });
  expect(exported.map((r) => r.id)).toEqual(NEWEST_FIRST.filter((id) => id === "ex-summary" || id === "ex-draft"));
  expect(exported.every((r) => r.model === "gpt-4o-mini")).toBe(true);
  const csv = await explorer.download("CSV");
  const lines = csv.text.trim().split("\r\n");
  expect(lines[0]).toMatch(/^id,traceId,/);
  expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["ex-summary", "ex-draft"]);
  const refused = await page.request.get(`/p/${projectId}/requests/export?format=xml`);
  expect(refused.status()).toBe(422);

  // The detail: chat bubbles (text only, never HTML), cost, and the trace of three spans with this one marked.
  await explorer.link("draft-answer").click();
  await expect(page.getByRole("heading", { level: 1, name: "draft-answer" })).toBeVisible();
  await expect(explorer.chatMessages("input")).toHaveCount(2);
  await expect(explorer.chatMessages("input").first()).toContainText("You answer support tickets briefly.");
  await expect(explorer.chatMessages("input").last()).toContainText("Where is my order 1234?");
  await expect(explorer.chatMessages("output")).toHaveCount(1);
  await expect(explorer.chatMessages("output")).toContainText("<b>not bold</b>");
  await expect(explorer.chatMessages("output")).toContainText("lookup_order");
  await expect(page.getByText("1,200 input tokens ×", { exact: false })).toBeVisible();
  await expect(explorer.waterfallRows()).toHaveCount(3);
  await expect(explorer.waterfallRows().nth(0)).toContainText("handle-ticket");
  await expect(explorer.waterfallRows().nth(1)).toHaveAttribute("aria-current", "true");
  await expect(explorer.waterfallRows().nth(2)).toContainText("lookup-order");
  await explorer.screenshot("explorer-detail");

  // A span of the waterfall opens that span.
  await explorer.waterfallRows().nth(2).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name: "lookup-order" })).toBeVisible();
  await expect(page.getByText("ex-lookup/1 %", { exact: true })).toBeVisible();
  await expect(page.getByTestId("json-body")).toContainText('"status": "shipped"');

  await page.goto(`/p/${projectId}/requests/ex-fail`);
  await expect(page.getByRole("alert").filter({ hasText: "rate_limit" })).toContainText("429: slow down");
  await expect(page.getByText(/^Not recorded: trace, parent,/)).toBeVisible();
  await explorer.screenshot("explorer-error");

  // A long body starts collapsed and opens in full on request.
  await page.goto(`/p/${projectId}/requests/ex-big`);
  const showAll = page.getByRole("button", { name: /Show all \(1 message/ });
  const inputCard = page.locator("section", { has: page.getByRole("heading", { name: "Input", exact: true }) });
  await expect(showAll).toHaveAttribute("aria-expanded", "false");
  const collapsed = (await inputCard.boundingBox())!.height;
  await showAll.click();
  await expect(page.getByRole("button", { name: "Show less" })).toHaveAttribute("aria-expanded", "true");
  expect((await inputCard.boundingBox())!.height).toBeGreaterThan(collapsed + 100);

  await page.goto(`/p/${projectId}/requests/no-such-request`);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
