// Demo prompts: two managed prompts with a few versions each, seeded through the public API
// (idempotent: an existing prompt is left as it is), and a release manager who deploys the
// newest support-chat version now and then and rolls it back a little later, so the console
// shows label moves, per-version metrics and deploy annotations on the dashboard.
type Version = { prompt: string | { role: string; content: string }[]; config: Record<string, unknown>; commitMessage: string; labels?: string[] };
type Seed = { name: string; type: "text" | "chat"; versions: Version[] };

const system = (extra: string) => [
  { role: "system", content: `You are a helpful support assistant for {{company}}.${extra}` },
  { role: "user", content: "{{question}}" },
];

export const DEMO_PROMPTS: Seed[] = [
  {
    name: "support-chat",
    type: "chat",
    versions: [
      { prompt: system(""), config: { model: "gpt-4o-mini", temperature: 0.5 }, commitMessage: "first version" },
      { prompt: system(" Answer in at most three sentences."), config: { model: "gpt-4o-mini", temperature: 0.3 }, commitMessage: "shorter answers", labels: ["production"] },
      { prompt: system(" Answer in at most three sentences.\nAlways repeat the order number you were given."), config: { model: "gpt-4o-mini", temperature: 0.3, maxTokens: 300 }, commitMessage: "repeat the order number", labels: ["staging"] },
    ],
  },
  {
    name: "summarize",
    type: "text",
    versions: [
      { prompt: "Summarize this ticket in {{words}} words:\n\n{{ticket}}", config: { model: "gpt-4o-mini", temperature: 0 }, commitMessage: "first version" },
      { prompt: "Summarize this ticket in {{words}} words as bullet points:\n\n{{ticket}}", config: { model: "gpt-4o-mini", temperature: 0 }, commitMessage: "bullet points", labels: ["production"] },
    ],
  },
];

async function call(baseUrl: string, key: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${baseUrl}/api/v1/prompts${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Creates each demo prompt that does not exist yet, with all its versions and labels. */
export async function seedPrompts(baseUrl: string, secretKey: string): Promise<void> {
  for (const seed of DEMO_PROMPTS) {
    const existing = await call(baseUrl, secretKey, "GET", `/${seed.name}?label=latest`);
    if (existing.status === 200) continue;
    const [first, ...rest] = seed.versions;
    const created = await call(baseUrl, secretKey, "POST", "", { name: seed.name, type: seed.type, ...first });
    if (created.status !== 201) throw new Error(`seeding prompt ${seed.name}: HTTP ${created.status} ${await created.text()}`);
    for (const v of rest) {
      const res = await call(baseUrl, secretKey, "POST", `/${seed.name}/versions`, v);
      if (res.status !== 201) throw new Error(`seeding ${seed.name}: HTTP ${res.status} ${await res.text()}`);
    }
  }
}

/**
 * Every `everyMs`: deploy the newest support-chat version to production, or roll the last
 * deploy back — one label move each time, as a cautious team would.
 */
export function startReleases(baseUrl: string, secretKey: string, everyMs = 120_000): () => void {
  let deployNext = true;
  const timer = setInterval(() => {
    const move = deployNext
      ? call(baseUrl, secretKey, "PUT", "/support-chat/labels/production", { version: DEMO_PROMPTS[0]!.versions.length })
      : call(baseUrl, secretKey, "POST", "/support-chat/labels/production/rollback");
    deployNext = !deployNext;
    move.then((r) => r.body?.cancel()).catch(() => undefined);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
