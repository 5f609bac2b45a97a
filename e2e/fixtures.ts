import { randomUUID } from "node:crypto";

export type Credentials = { name: string; email: string; password: string };

/** A fresh account per test keeps tests independent on one shared server. */
export function newUser(label = "user"): Credentials {
  return { name: `${label} ${randomUUID().slice(0, 6)}`, email: `${label}-${randomUUID()}@e2e.test`, password: "correct horse battery staple" };
}
