// Synthetic history for the demo (`npm run demo -- --backfill 7d`): the same kind of
// requests the live traffic makes (scripts/demo/calls.ts through the SDK wrappers),
// recorded as the wrappers record them but generated instead of called,
// over the past N days with a daily curve, sent through the SDK exporter. Each hour's
// requests come from a generator seeded by (seed, hour), so a rerun produces the same ids
// and contents for the same hours: the server dedupes by id and nothing counts twice.
import { Exporter, type Event, type Score } from "@sextant/sdk";
import { latency, promptTokens, reply, seeded } from "../fake-provider/shape";
import { ANTHROPIC_MODELS, ENDPOINTS, OPENAI_MODELS } from "./calls";

export type BackfillOptions = {
  baseUrl: string;
  secretKey: string;
  /** How far back to go; fractional for hours (`24h` = 1). Capped to the project's retention. */
  days: number;
  /** The average rate; the daily curve puts more in the afternoon and less at night and weekends. */
  requestsPerHour?: number;
  seed?: number;
  /** `done` and `total` count requests (each is 2–3 events). */
  onProgress?: (done: number, total: number) => void;
  /** Stops early; what is still queued is dropped. */
  signal?: AbortSignal;
  /** The end of the history; pinned by tests so a rerun covers exactly the same window. */
  now?: number;
};

/** `dropped` counts events and feedback scores that did not land; `days` is the span after the retention cap. */
export type BackfillResult = { events: number; scores: number; dropped: number; days: number };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const USERS = 200;
/** The live demo's fake provider: median time to first byte and delay per streamed word. */
const MEDIAN_LATENCY_MS = 350;
const WORD_MS = 8;
/** The client timeout the live demo uses: a timed-out call lasts this long. */
const TIMEOUT_MS = 5_000;
/** The current release shipped three days ago, so older history shows the previous one. */
const RELEASE_AGE_MS = 3 * DAY_MS;
/** What the official clients report, and how often (about 3% of calls in all). */
const ERRORS = [
  { type: "rate_limit", rate: 0.015, httpStatus: 429, message: "429 Rate limit reached for requests" },
  { type: "server_error", rate: 0.008, httpStatus: 500, message: "500 The server had an error while processing your request" },
  { type: "timeout", rate: 0.004, message: "Request timed out." },
  { type: "stream_interrupted", rate: 0.006, message: "terminated" },
];
/** The ingest envelope's limit, and the server's default retention when settings cannot be read. */
const MAX_SCORES_PER_POST = 1000;
const DEFAULT_RETENTION_DAYS = 30;
/** Ingestion refuses events more than a year old. */
const MAX_DAYS = 365;

const dailyShape = (hour: number) => 0.3 + 1.7 * Math.exp(-((hour - 14) ** 2) / 18);
const MEAN_SHAPE = Array.from({ length: 24 }, (_, h) => dailyShape(h)).reduce((a, b) => a + b) / 24;

/** Traffic in this hour relative to the average, in local time as the console shows it. */
function hourWeight(ms: number): number {
  const d = new Date(ms);
  const weekend = d.getDay() === 0 || d.getDay() === 6 ? 0.6 : 1;
  return (dailyShape(d.getHours()) / MEAN_SHAPE) * weekend;
}

/** A generator for one hour of one seed's history: the same hour always draws the same numbers. */
function hourRandom(seed: number, hourStart: number): () => number {
  const rand = seeded((Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(hourStart / HOUR_MS, 0x85ebca6b)) >>> 0);
  for (let i = 0; i < 4; i++) rand(); // neighbouring hours start from close states
  return rand;
}

const requestsIn = (rand: () => number, hourStart: number, perHour: number) => Math.round(perHour * hourWeight(hourStart) * (0.85 + 0.3 * rand()));

function pickError(rand: () => number, stream: boolean) {
  let r = rand();
  for (const e of ERRORS) {
    if (r < e.rate) return e.type === "stream_interrupted" && !stream ? null : e;
    r -= e.rate;
  }
  return null;
}

/** One product request, shaped like calls.ts's: root span, retrieval/tool spans, the model call, maybe feedback. */
function request(rand: () => number, id: string, t0: number, now: number, session: number) {
  const user = Math.floor(rand() ** 2 * USERS); // a few heavy users, a long tail
  const userId = `user-${String(user).padStart(3, "0")}`;
  const endpoint = ENDPOINTS[Math.floor(rand() * ENDPOINTS.length)]!;
  const rootId = `span-${id}`;
  const common = {
    traceId: `trace-${id}`, userId, sessionId: `session-${session}-${user}`, endpoint,
    environment: rand() < 0.9 ? "production" : "staging", release: now - t0 > RELEASE_AGE_MS ? "v1.4.1" : "v1.4.2",
  };
  const events: Event[] = [];
  let t = t0;
  if (endpoint === "search-answer") {
    const ms = 20 + rand() * 80;
    events.push({ ...common, id: `retrieval-${id}`, parentId: rootId, kind: "retrieval", name: "vector search", startTime: t, durationMs: ms });
    t += ms;
  }
  const anthropic = rand() < 0.35;
  const models = anthropic ? ANTHROPIC_MODELS : OPENAI_MODELS;
  const model = models[Math.floor(rand() * models.length)]!;
  const stream = endpoint === "support-chat" && rand() < 0.6;
  const version = endpoint === "support-chat" && rand() < 0.3 ? 8 : 7;
  // Mostly short prompts, some long ones (those get half their input from the provider's cache).
  const prompt = `Customer ${userId} asks about order ${Math.floor(rand() * 1e6)}: ${"please help ".repeat(5 + Math.floor(rand() ** 3 * 600))}`;
  const system = { role: "system", content: "You are a helpful support assistant." };
  const messages = anthropic ? [{ role: "user", content: prompt }] : [system, { role: "user", content: prompt }];
  const inputTokens = promptTokens(messages);
  const reasoningTokens = /^o\d/.test(model) ? Math.floor(20 + rand() * 200) : 0;
  const words = reply(rand, Math.floor(10 + rand() * 120));
  const firstByteMs = latency(rand, MEDIAN_LATENCY_MS) + reasoningTokens * 4;
  const error = pickError(rand, stream);
  const provider = anthropic ? "anthropic" : "openai";
  // The request parameters calls.ts passes, as the wrappers keep them.
  const params: Record<string, number> = anthropic ? { "llm.max_tokens": 400 } : stream ? {} : { "llm.temperature": 0.3 };
  const llm: Event = {
    ...common, id: `gen-${id}`, parentId: rootId, kind: "llm", name: `${provider} ${model}`, provider, model,
    startTime: t, durationMs: firstByteMs + words.length * WORD_MS, prompt: { name: endpoint, version },
    flags: { "new-ranker": rand() < 0.5 ? "on" : "off" }, tags: stream ? ["streaming"] : [], input: messages,
    metadata: { ...params, ...(stream ? { "llm.stream": true } : {}) },
  };
  if (!error) {
    const text = words.join("");
    llm.output = anthropic ? [{ type: "text", text }] : { role: "assistant", content: text, refusal: null };
    llm.metadata = { ...llm.metadata, ...(anthropic ? { "llm.stop_reason": "end_turn" } : { "llm.finish_reason": "stop" }) };
    llm.usage = { inputTokens, cachedInputTokens: inputTokens > 1024 ? Math.floor(inputTokens / 2) : 0, outputTokens: words.length + reasoningTokens, reasoningTokens };
    if (stream) llm.timeToFirstTokenMs = firstByteMs;
  } else {
    llm.status = "error";
    llm.error = { type: error.type, message: error.message, httpStatus: error.httpStatus, retryable: true };
    // A timeout waits for the client's limit; a broken stream dies half-way; refusals come back fast.
    llm.durationMs = error.type === "timeout" ? TIMEOUT_MS : error.type === "stream_interrupted" ? firstByteMs + (words.length / 2) * WORD_MS : 20 + rand() * 60;
  }
  events.push(llm);
  t += llm.durationMs!;
  if (endpoint === "classify") {
    const ms = 2 + rand() * 10;
    events.push({ ...common, id: `tool-${id}`, parentId: rootId, kind: "tool", name: "route ticket", startTime: t, durationMs: ms });
    t += ms;
  }
  // The request as a whole failed when its model call did, with the same error class.
  events.push({ ...common, id: rootId, kind: "span", name: endpoint, startTime: t0, endTime: t, ...(error ? { status: "error" as const, error: llm.error } : {}) });
  // Some users rate the answer; the newer prompt version is liked a little more.
  const score: Score | null =
    rand() < 0.15 ? { id: `feedback-${id}`, requestId: llm.id, name: "user_feedback", value: !error && rand() < (version === 8 ? 0.88 : 0.78), source: "user" } : null;
  return { events, score };
}

/** One hour's requests, time-ordered, keeping those that started inside [from, now). */
function hourOfHistory(seed: number, hourStart: number, perHour: number, from: number, now: number) {
  const rand = hourRandom(seed, hourStart);
  const count = requestsIn(rand, hourStart, perHour);
  const starts = Array.from({ length: count }, () => hourStart + rand() * HOUR_MS).sort((a, b) => a - b);
  const events: Event[] = [];
  const scores: Score[] = [];
  starts.forEach((t0, i) => {
    // Generated even when outside the window, so every request draws the same numbers on a rerun.
    const r = request(rand, `bf${seed}-${hourStart / HOUR_MS}-${i}`, t0, now, hourStart / HOUR_MS);
    if (t0 < from || t0 >= now) return;
    events.push(...r.events);
    if (r.score) scores.push(r.score);
  });
  return { events, scores, count };
}

async function retentionDays(o: BackfillOptions): Promise<number> {
  const res = await fetch(`${o.baseUrl}/api/v1/settings`, { headers: { authorization: `Bearer ${o.secretKey}` }, signal: o.signal }).catch(() => null);
  const body = res?.ok ? ((await res.json()) as { retentionDays?: unknown }) : null;
  return typeof body?.retentionDays === "number" ? body.retentionDays : DEFAULT_RETENTION_DAYS;
}

/** Posts feedback in envelope-sized batches, retrying briefly when the server asks; returns how many did not land. */
async function postScores(o: BackfillOptions, scores: Score[]): Promise<number> {
  let lost = 0;
  for (let i = 0; i < scores.length; i += MAX_SCORES_PER_POST) {
    const batch = scores.slice(i, i + MAX_SCORES_PER_POST);
    let ok = false;
    for (let attempt = 0; attempt < 4 && !ok && !o.signal?.aborted; attempt++) {
      const res = await fetch(`${o.baseUrl}/api/v1/scores`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${o.secretKey}` },
        body: JSON.stringify({ scores: batch }),
        signal: o.signal,
      }).catch(() => null);
      ok = res?.status === 200;
      if (!ok && res && res.status !== 429 && res.status !== 503) break;
      if (!ok) await new Promise((r) => setTimeout(r, 1000 * Number(res?.headers.get("retry-after") ?? 1)));
    }
    if (!ok) lost += batch.length;
  }
  return lost;
}

export async function backfill(o: BackfillOptions): Promise<BackfillResult> {
  const now = o.now ?? Date.now();
  const perHour = o.requestsPerHour ?? 400;
  const seed = o.seed ?? 1;
  // Older events would be accepted, then deleted by the retention job within a day.
  const days = Math.min(o.days, await retentionDays(o), MAX_DAYS);
  const from = now - days * DAY_MS;
  const hours: number[] = [];
  for (let h = Math.floor(from / HOUR_MS) * HOUR_MS; h < now; h += HOUR_MS) hours.push(h);
  const total = hours.reduce((sum, h) => sum + requestsIn(hourRandom(seed, h), h, perHour), 0);

  const exporter = new Exporter({ baseUrl: o.baseUrl, secretKey: o.secretKey, flushAt: 1000, flushIntervalMs: 200 });
  const stop = () => void exporter.shutdown(0);
  o.signal?.addEventListener("abort", stop, { once: true });
  let events = 0;
  let scores: Score[] = [];
  let scoresSent = 0;
  let scoresLost = 0;
  let done = 0;
  try {
    for (const [i, hourStart] of hours.entries()) {
      if (o.signal?.aborted) break;
      const hour = hourOfHistory(seed, hourStart, perHour, from, now);
      for (const e of hour.events) exporter.enqueue(e);
      events += hour.events.length;
      scores.push(...hour.scores);
      done += hour.count;
      // Waiting here keeps the queue far below the exporter's byte bound (which drops the
      // oldest events), and lets feedback arrive after its requests so it joins the rollups.
      if (exporter.stats().queued >= 2000 || i === hours.length - 1) {
        await exporter.flush();
        const lost = await postScores(o, scores);
        scoresSent += scores.length - lost;
        scoresLost += lost;
        scores = [];
      }
      o.onProgress?.(done, total);
    }
  } finally {
    o.signal?.removeEventListener("abort", stop);
    await exporter.shutdown(o.signal?.aborted ? 0 : 5_000);
  }
  const s = exporter.stats();
  return { events, scores: scoresSent, dropped: s.dropped + s.rejected + scoresLost + scores.length, days };
}
