import type { Issue } from "./errors";

/** What every server action answers: data, or an error the form can show. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: string; message: string; issues?: Issue[] } };
