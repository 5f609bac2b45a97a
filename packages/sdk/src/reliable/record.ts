import type { Event } from "../events.js";
import type { GenerationFields } from "../generation.js";
import type { EscalationRequest } from "./policy.js";

/** What the toolkit adds to an event the wrappers record: which attempt, which fallback, which decisions. */
export type Note = { attempts?: number; fallbackFrom?: string; tags?: string[]; metadata?: Record<string, string | number | boolean> };

/** How the toolkit records, given by `Sextant`; without one (used alone) nothing is recorded. */
export type Recording = {
  active: boolean;
  sampleNew(): boolean;
  /** Adds `note` to the event with this id when it is recorded. */
  annotate(id: string, note: Note): void;
  /** Records a call the toolkit answered itself (cache hit, shed, fail-fast, budget block, static, escalation). */
  generation(fields: GenerationFields): void;
  /** `sextant.escalate`, when the SDK has it (review queues). */
  escalate?: (request: EscalationRequest) => unknown;
  report(message: string): void;
};

const MAX_NOTES = 10_000;

/**
 * Notes for events not yet handed to the exporter, applied in the recorder's last look
 * (before the app's `redact`). A note is added on the call path, before the recorder's
 * next turn drains its events; notes whose event never comes (an unread stream) are
 * forgotten oldest first.
 */
export class Annotations {
  private readonly notes = new Map<string, Note>();

  set(id: string, note: Note): void {
    this.notes.set(id, note);
    if (this.notes.size > MAX_NOTES) this.notes.delete(this.notes.keys().next().value!);
  }

  apply(event: Event): Event {
    if (this.notes.size === 0) return event;
    const note = this.notes.get(event.id);
    if (!note) return event;
    this.notes.delete(event.id);
    if (note.attempts !== undefined) event.attempts = note.attempts;
    if (note.fallbackFrom !== undefined) event.fallbackFrom = note.fallbackFrom;
    if (note.tags?.length) event.tags = [...new Set([...(event.tags ?? []), ...note.tags])];
    if (note.metadata) event.metadata = { ...event.metadata, ...note.metadata };
    return event;
  }

  /** The recorder's last look: notes first, then the app's own `redact`. */
  redactor(redact?: (event: Event) => Event | null | undefined): (event: Event) => Event | null | undefined {
    return redact ? (event) => redact(this.apply(event)) : (event) => this.apply(event);
  }
}
