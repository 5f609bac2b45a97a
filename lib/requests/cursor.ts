import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/http/errors";

/** Where a page ended: the (start_time, id) of its last request. */
export type Cursor = { startMs: number; id: string };

const Decoded = z.tuple([z.number().int().nonnegative(), z.string().min(1).max(128)]);

/** Opaque to clients: base64url of `[startMs, id]`. */
export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.startMs, c.id])).toString("base64url");
}

export function decodeCursor(cursor: string): Cursor {
  let value: unknown = null;
  try {
    if (/^[A-Za-z0-9_-]+$/.test(cursor)) value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    value = null;
  }
  const parsed = Decoded.safeParse(value);
  if (!parsed.success) {
    throw new AppError("UNPROCESSABLE_ENTITY", "cursor is not valid: pass the nextCursor of a previous page unchanged.", [
      { path: "cursor", message: "Not a cursor this API issued." },
    ]);
  }
  return { startMs: parsed.data[0], id: parsed.data[1] };
}
