import "server-only";
import { readJsonBody } from "@/lib/http/body";
import { AppError } from "@/lib/http/errors";
import type { OfrepFailure } from "./ofrep";

/** The 64 KB cap is generous for an evaluation context and cheap to hold. */
const MAX_OFREP_BODY = 64 * 1024;

/**
 * Reads an OFREP request body: bytes that are not JSON answer OFREP's PARSE_ERROR (400);
 * a wrong content type or a body too large keep the shared error envelope (415, 413).
 */
export async function readOfrepBody(req: Request): Promise<{ body: unknown } | OfrepFailure> {
  try {
    return { body: (await readJsonBody(req, MAX_OFREP_BODY)).json };
  } catch (err) {
    if (err instanceof AppError && err.code === "BAD_REQUEST") return { errorCode: "PARSE_ERROR", errorDetails: err.message };
    throw err;
  }
}
