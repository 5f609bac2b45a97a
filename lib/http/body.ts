import "server-only";
import { gunzip } from "node:zlib";
import { promisify } from "node:util";
import { AppError } from "./errors";

const gunzipAsync = promisify(gunzip);
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB; send smaller batches.`);

async function readCapped(req: Request, max: number): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > max) throw tooLarge();
  if (!req.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a JSON body, optionally gzip-encoded, never holding more than the limit:
 * 415 for another content type or encoding, 413 when too large (before or after
 * decompression), 400 for bytes that are not JSON.
 */
export async function readJsonBody(req: Request, max = MAX_BODY_BYTES): Promise<{ json: unknown; text: string }> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as JSON with Content-Type: application/json.");
  const encoding = (req.headers.get("content-encoding") ?? "identity").trim().toLowerCase();
  if (encoding !== "identity" && encoding !== "gzip") {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Content-Encoding "${encoding}" is not supported; use gzip or none.`);
  }
  let bytes = await readCapped(req, max);
  if (encoding === "gzip") {
    try {
      bytes = await gunzipAsync(bytes, { maxOutputLength: max });
    } catch (err) {
      if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) throw tooLarge();
      throw new AppError("BAD_REQUEST", "The body is marked gzip but is not valid gzip data.");
    }
  }
  const text = bytes.toString("utf8");
  try {
    return { json: JSON.parse(text), text };
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON.");
  }
}

// In JSON text, NUL can only be the escape \u0000 and an unpaired surrogate only an
// escape \udXXX (raw ones are not valid UTF-8). An escape starts after an even
// number of backslashes, so a literal "\\u0000" in a string is not mistaken for one.
const NUL_ESCAPE = /(?<!\\)(?:\\\\)*\\u0000/;
const SURROGATE_ESCAPE = /(?<!\\)(?:\\\\)*\\ud[89a-f][0-9a-f]{2}/i;

/** PostgreSQL text and jsonb cannot hold NUL or unpaired surrogates. */
export function hasUnstorableText(json: string): "nul" | "surrogate" | null {
  // Cheap substring checks first: almost every body has neither escape at all.
  if (json.includes("\\u0000") && NUL_ESCAPE.test(json)) return "nul";
  if (!/\\u[dD][89abAB]/.test(json) && !/\\u[dD][c-fC-F]/.test(json)) return null;
  // Paired surrogates may also arrive escaped; only an unpaired one is a problem.
  const stripped = json.replace(/\\ud[89ab][0-9a-f]{2}\\ud[c-f][0-9a-f]{2}/gi, "");
  if (SURROGATE_ESCAPE.test(stripped)) return "surrogate";
  return null;
}
