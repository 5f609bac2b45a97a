import "server-only";
import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { flagRevisions } from "@/db/schema";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { AppError, fromZod } from "@/lib/http/errors";
import { currentRevision } from "./revision";
import { ConfigQuery } from "./schemas";

/**
 * The SDK's push channel (`GET /api/v1/flags/stream`): Server-Sent Events that carry the
 * project's flag revision, at connect and whenever it moves. The SDK then fetches the config
 * (its ETag follows the same revision), so the stream never carries definitions itself.
 *
 * Changes are found by a revision poll, one per app instance for all its open streams (see
 * docs/decisions/0008-flags.md): one primary-key query of `flag_revisions` every POLL_MS for
 * the projects that have a stream open, however many SDKs listen. It needs no dedicated
 * connection, works behind a transaction pooler and across any number of instances, and a
 * lost connection loses nothing (the next poll sees the revision).
 */
export const STREAM_POLL_MS = 250;
/** A comment line this often keeps proxies from closing an idle stream; the SDK reconnects after ~3 missed. */
export const HEARTBEAT_MS = 15_000;
/** Streams end after this long (the SDK reconnects at once): a revoked key stops being served, load re-spreads across instances. */
export const MAX_STREAM_MS = 10 * 60_000;
/** Open streams per instance; beyond it `503` with Retry-After (the SDK keeps polling meanwhile). */
const MAX_STREAMS = 10_000;

type Listener = (revision: number) => void;
type Watched = { revision: number | null; listeners: Set<Listener> };

/** One per process (on globalThis: Next.js bundles route handlers separately). */
class RevisionWatcher {
  readonly projects = new Map<string, Watched>();
  streams = 0;
  private timer: NodeJS.Timeout | null = null;
  private failing = false;

  constructor(private db: Db) {}

  /** `known`: the revision this instance last saw (it may be newer than what the caller read). */
  subscribe(db: Db, projectId: string, listener: Listener): { known: number | null; unsubscribe: () => void } {
    this.db = db;
    let watched = this.projects.get(projectId);
    if (!watched) this.projects.set(projectId, (watched = { revision: null, listeners: new Set() }));
    watched.listeners.add(listener);
    this.streams += 1;
    this.schedule();
    let done = false;
    const unsubscribe = () => {
      if (done) return;
      done = true;
      this.streams -= 1;
      watched.listeners.delete(listener);
      if (watched.listeners.size === 0) this.projects.delete(projectId);
    };
    return { known: watched.revision, unsubscribe };
  }

  private schedule(): void {
    if (this.timer || this.projects.size === 0) return;
    this.timer = setTimeout(() => void this.tick(), STREAM_POLL_MS);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      const ids = [...this.projects.keys()];
      if (ids.length === 0) return;
      const rows = await this.db
        .select({ projectId: flagRevisions.projectId, revision: flagRevisions.revision })
        .from(flagRevisions)
        .where(inArray(flagRevisions.projectId, ids));
      const found = new Map(rows.map((r) => [r.projectId, r.revision]));
      for (const id of ids) {
        const watched = this.projects.get(id);
        const revision = found.get(id) ?? 0;
        if (!watched || watched.revision === revision) continue;
        watched.revision = revision;
        for (const listener of watched.listeners) listener(revision);
      }
      this.failing = false;
    } catch (err) {
      // Streams stay open (and heartbeat); SDKs keep their config and also poll. Said once per outage.
      if (!this.failing) console.error("[flags] revision poll for streams failed:", err instanceof Error ? err.message : err);
      this.failing = true;
    } finally {
      this.timer = null;
      this.schedule();
    }
  }
}

const shared = globalThis as typeof globalThis & { __sextantFlagWatcher?: RevisionWatcher };

function watcher(db: Db): RevisionWatcher {
  shared.__sextantFlagWatcher ??= new RevisionWatcher(db);
  return shared.__sextantFlagWatcher;
}

/** How many streams this instance has open (tests check that closed streams are released). */
export function openFlagStreams(): number {
  return shared.__sextantFlagWatcher?.streams ?? 0;
}

const encoder = new TextEncoder();
const revisionEvent = (revision: number) => encoder.encode(`event: revision\nid: ${revision}\ndata: {"revision":${revision}}\n\n`);

/**
 * Opens a stream for the key's project: checks the permission and the query, reads the current
 * revision (so a failure is an ordinary error answer, not a broken stream) and returns the
 * body. It ends on client disconnect (`signal` or the body being cancelled), at MAX_STREAM_MS,
 * and releases its subscription and timers each way.
 */
export async function openFlagStream(ctx: ProjectCtx, input: { environment?: string; signal?: AbortSignal }): Promise<ReadableStream<Uint8Array>> {
  assertCan(ctx, "flags.read");
  const parsed = ConfigQuery.safeParse({ environment: input.environment });
  if (!parsed.success) throw fromZod(parsed.error);
  const w = watcher(ctx.db);
  if (w.streams >= MAX_STREAMS) throw new AppError("UNAVAILABLE", "Too many open flag streams on this instance; poll the config meanwhile.", undefined, 30);
  let sent = await currentRevision(ctx.db, ctx.projectId);
  let cleanup = () => undefined as void;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (bytes: Uint8Array) => {
        if (closed) return;
        try {
          controller.enqueue(bytes);
        } catch {
          cleanup(); // the consumer went away between our check and the write
        }
      };
      const onRevision = (revision: number) => {
        if (revision === sent) return;
        sent = revision;
        send(revisionEvent(revision));
      };
      const { known, unsubscribe } = w.subscribe(ctx.db, ctx.projectId, onRevision);
      const heartbeat = setInterval(() => send(encoder.encode(": keep-alive\n\n")), HEARTBEAT_MS);
      const lifetime = setTimeout(() => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed by the consumer
        }
      }, MAX_STREAM_MS);
      heartbeat.unref();
      lifetime.unref();
      const onAbort = () => cleanup();
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        clearTimeout(lifetime);
        unsubscribe();
        input.signal?.removeEventListener("abort", onAbort);
      };
      if (input.signal?.aborted) return cleanup();
      input.signal?.addEventListener("abort", onAbort);
      // `retry` tells EventSource clients how soon to reconnect; the SDK keeps its own backoff.
      send(encoder.encode(`retry: 1000\n\n`));
      send(revisionEvent(sent));
      // A poll that ran while we read the revision may already have seen a newer one.
      if (known !== null && known > sent) onRevision(known);
    },
    cancel() {
      cleanup();
    },
  });
}
