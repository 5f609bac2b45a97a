import "server-only";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/** A PostgreSQL array literal of text: every element quoted, quotes and backslashes escaped. */
function textArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}

const SPECIAL = /[\\\t\n\r]/;

/** One field in COPY's text format: \N for null, objects as JSON, the four specials escaped. */
export function copyField(value: unknown, kind: "text" | "json" | "text[]" = "text"): string {
  if (value === null || value === undefined) return "\\N";
  if (kind === "json") {
    // JSON.stringify never emits raw tabs or newlines; only its backslashes need doubling.
    const s = JSON.stringify(value);
    return s.includes("\\") ? s.replace(/\\/g, "\\\\") : s;
  }
  const s = kind === "text[]" ? textArray(value as string[]) : typeof value === "string" ? value : String(value);
  // Most fields contain none of the four specials: test once before replacing.
  return SPECIAL.test(s) ? s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : s;
}

export type CopyColumn<R> = { name: keyof R & string; kind?: "text" | "json" | "text[]" };

/**
 * Streams rows into a table with COPY FROM STDIN on the given client (inside its
 * transaction): the fastest way PostgreSQL accepts rows.
 */
export async function copyRows<R>(client: pg.PoolClient, table: string, columns: CopyColumn<R>[], rows: R[]): Promise<void> {
  if (rows.length === 0) return;
  const CHUNK = 500;
  const stream = client.query(copyFrom(`copy ${table} (${columns.map((c) => c.name).join(", ")}) from stdin`));
  // Written straight to the COPY stream, not through Readable.from + pipeline: the stream
  // machinery per chunk cost a few % of the ingest path's CPU.
  const done = finished(stream);
  // Handled here too: the stream may fail while a write waits for "drain", before `await done`.
  done.catch(() => undefined);
  try {
    for (let i = 0; i < rows.length; i += CHUNK) {
      let out = "";
      const end = Math.min(rows.length, i + CHUNK);
      for (let r = i; r < end; r++) {
        const row = rows[r]!;
        for (let c = 0; c < columns.length; c++) {
          out += (c === 0 ? "" : "\t") + copyField(row[columns[c]!.name], columns[c]!.kind);
        }
        out += "\n";
      }
      if (!stream.write(out)) await once(stream, "drain");
    }
    stream.end();
  } catch (err) {
    stream.destroy(err as Error);
  }
  await done;
}
