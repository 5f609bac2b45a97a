import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/http/errors";

/** For pages: a flag that is not there (or not the caller's project's) is the 404 page. */
export async function orNotFound<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
}
