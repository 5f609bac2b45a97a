import "server-only";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import * as schema from "./schema";

export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };
/** A transaction handle; verbs accept either so they compose inside one transaction. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export function createDb(url: string, max = 10): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection must not crash the process.
  pool.on("error", (err: Error & { code?: string }) => {
    // 57P01: the server is shutting down (Ctrl-C stops it together with the app); not news.
    if (err.code !== "57P01") console.error("[db] idle client error:", err.message);
  });
  return { db: drizzle(pool, { schema, casing: "snake_case" }), pool };
}

const holder = globalThis as typeof globalThis & { __sextantDb?: { db: Db; pool: pg.Pool } };

/** The app's shared database handle, created on first use from DATABASE_URL. */
export function getDb(): Db {
  if (!holder.__sextantDb) {
    const url = process.env.DATABASE_URL;
    if (!url) {
      throw new Error("DATABASE_URL is not set. Start Sextant with `npm run dev`, `npm run start` or `npm run demo`, which provide it.");
    }
    holder.__sextantDb = createDb(url);
  }
  return holder.__sextantDb.db;
}
