import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/http/errors";

/** For pages: a prompt or version that is not there (or not the caller's) is the 404 page. */
export async function loadOr404<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof AppError && (err.code === "NOT_FOUND" || err.code === "UNPROCESSABLE_ENTITY")) notFound();
    throw err;
  }
}
