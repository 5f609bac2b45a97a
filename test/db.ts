import { inject } from "vitest";
import { getDb, type Db } from "../db/client";

/** The shared handle to the test database (the same one route handlers use). */
export function testDb(): Db {
  process.env.DATABASE_URL = inject("databaseUrl");
  return getDb();
}
