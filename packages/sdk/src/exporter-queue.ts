/** One serialised event waiting to be sent. */
export type QueuedEvent = { json: string; bytes: number };

/**
 * FIFO of serialised events bounded by bytes. A moving head keeps push and
 * take-oldest O(1) amortised (no Array#shift); counters of everything ever added
 * and removed let `flush()` wait for exactly what was queued at its call.
 */
export class BoundedQueue {
  private items: (QueuedEvent | undefined)[] = [];
  private head = 0;
  bytes = 0;
  addedTotal = 0;
  removedTotal = 0;

  constructor(private readonly maxBytes: number) {}

  get size(): number {
    return this.items.length - this.head;
  }

  peek(): QueuedEvent | undefined {
    return this.items[this.head];
  }

  /** Adds an event; returns how many of the oldest had to go to stay within the byte bound. */
  push(item: QueuedEvent): number {
    this.items.push(item);
    this.bytes += item.bytes;
    this.addedTotal += 1;
    let dropped = 0;
    while (this.bytes > this.maxBytes && this.size > 0) {
      this.takeOldest();
      dropped += 1;
    }
    return dropped;
  }

  takeOldest(): QueuedEvent {
    const item = this.items[this.head]!;
    this.items[this.head] = undefined;
    this.head += 1;
    this.bytes -= item.bytes;
    this.removedTotal += 1;
    if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  /** Empties the queue; returns how many events were in it. */
  clear(): number {
    let n = 0;
    while (this.size > 0) {
      this.takeOldest();
      n += 1;
    }
    return n;
  }
}
