import type { Event } from "./events.js";

/**
 * Attributes a trace, span or wrapped client hands down to everything recorded inside it
 * (through async context). The innermost scope wins for single values; tags are joined and
 * metadata and flags merged key by key.
 */
export type Attrs = {
  userId?: string;
  sessionId?: string;
  endpoint?: string;
  environment?: string;
  release?: string;
  tags?: string[];
  metadata?: Record<string, string | number | boolean>;
  prompt?: { name: string; version: number };
  flags?: Record<string, string>;
};

const SCALARS = ["userId", "sessionId", "endpoint", "environment", "release", "prompt"] as const;

/** `inner` over `outer`; either may be undefined. Never mutates its arguments. */
export function mergeAttrs(outer: Attrs | undefined, inner: Attrs | undefined): Attrs {
  if (!inner) return outer ?? {};
  if (!outer) return inner;
  const out: Attrs = { ...outer };
  for (const k of SCALARS) if (inner[k] !== undefined) (out as Record<string, unknown>)[k] = inner[k];
  if (inner.tags) out.tags = outer.tags ? [...new Set([...outer.tags, ...inner.tags])] : inner.tags;
  if (inner.metadata) out.metadata = outer.metadata ? { ...outer.metadata, ...inner.metadata } : inner.metadata;
  if (inner.flags) out.flags = outer.flags ? { ...outer.flags, ...inner.flags } : inner.flags;
  return out;
}

/** Copies the attributes onto an event (the event's own fields, when set, win). */
export function applyAttrs(event: Event, attrs: Attrs): Event {
  for (const k of SCALARS) if (event[k] === undefined && attrs[k] !== undefined) (event as Record<string, unknown>)[k] = attrs[k];
  if (attrs.tags?.length) event.tags = event.tags ? [...new Set([...attrs.tags, ...event.tags])] : attrs.tags;
  if (attrs.metadata) event.metadata = event.metadata ? { ...attrs.metadata, ...event.metadata } : attrs.metadata;
  if (attrs.flags) event.flags = event.flags ? { ...attrs.flags, ...event.flags } : attrs.flags;
  return event;
}
