import http from "node:http";
import https from "node:https";
import { errText } from "./exporter-transport.js";

/** How one stream connection ended. */
export type SseEnd =
  | { kind: "ended"; events: number } // the server closed it (it does every few minutes)
  | { kind: "http"; status: number; detail: string; retryAfter: string | null } // refused before streaming
  | { kind: "error"; detail: string; events: number }; // network trouble or silence past the idle timeout

export type SseOptions = {
  url: string;
  headers: Record<string, string>;
  /** No byte (event or heartbeat) for this long: the connection is taken as dead. */
  idleTimeoutMs: number;
  onEvent(event: string, data: string): void;
};

/**
 * One Server-Sent Events connection over node:http(s), not fetch: its socket is unref'd, so
 * a flags stream never keeps the app's process alive. Parses `event:`/`data:` fields (comments
 * are heartbeats); `close()` ends it at once.
 */
export function openSse(o: SseOptions): { done: Promise<SseEnd>; close: () => void } {
  let settle: (end: SseEnd) => void = () => undefined;
  const done = new Promise<SseEnd>((resolve) => (settle = resolve));
  let events = 0;
  let finished = false;
  let idle: NodeJS.Timeout | null = null;
  const finish = (end: SseEnd) => {
    if (finished) return;
    finished = true;
    if (idle) clearTimeout(idle);
    req.destroy();
    settle(end);
  };
  const touch = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => finish({ kind: "error", detail: `no data for ${o.idleTimeoutMs} ms`, events }), o.idleTimeoutMs);
    idle.unref();
  };

  const url = new URL(o.url);
  const get = url.protocol === "https:" ? https.get : http.get;
  const req = get(url, { headers: { accept: "text/event-stream", ...o.headers } }, (res) => {
    if (res.statusCode !== 200 || !String(res.headers["content-type"] ?? "").startsWith("text/event-stream")) {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => void (body.length < 300 && (body += c)));
      const retryAfter = typeof res.headers["retry-after"] === "string" ? res.headers["retry-after"] : null;
      res.on("end", () => finish({ kind: "http", status: res.statusCode ?? 0, detail: `HTTP ${res.statusCode}${body ? ` ${body.slice(0, 200)}` : ""}`, retryAfter }));
      res.on("error", (err) => finish({ kind: "http", status: res.statusCode ?? 0, detail: errText(err), retryAfter }));
      return;
    }
    res.setEncoding("utf8");
    let buffer = "";
    res.on("data", (chunk: string) => {
      touch();
      buffer += chunk;
      for (let end = blockEnd(buffer); end !== null; end = blockEnd(buffer)) {
        const block = buffer.slice(0, end.at);
        buffer = buffer.slice(end.at + end.length);
        const parsed = parseBlock(block);
        if (!parsed) continue;
        events += 1;
        try {
          o.onEvent(parsed.event, parsed.data);
        } catch {
          // A failing handler must not end the stream.
        }
      }
      if (buffer.length > 1_000_000) finish({ kind: "error", detail: "an event larger than 1 MB", events });
    });
    res.on("end", () => finish({ kind: "ended", events }));
    res.on("error", (err) => finish({ kind: "error", detail: errText(err), events }));
    res.on("close", () => finish({ kind: "ended", events }));
  });
  req.on("socket", (socket) => socket.unref());
  req.on("error", (err) => finish({ kind: "error", detail: errText(err), events }));
  touch();
  return { done, close: () => finish({ kind: "ended", events }) };
}

/** Where the first event block ends (a blank line: \n\n, \r\n\r\n or \r\r). */
function blockEnd(buffer: string): { at: number; length: number } | null {
  const m = /\r\n\r\n|\n\n|\r\r/.exec(buffer);
  return m ? { at: m.index, length: m[0].length } : null;
}

/** One event's `event` (default "message") and joined `data` lines; null for comments and empty blocks. */
function parseBlock(block: string): { event: string; data: string } | null {
  let event = "message";
  const data: string[] = [];
  for (const line of block.split(/\r\n|\n|\r/)) {
    if (line === "" || line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
  }
  return data.length > 0 ? { event, data: data.join("\n") } : null;
}
