// Starts one real PostgreSQL for the test run (embedded, or TEST_DATABASE_URL),
// creates a fresh database in it and applies the migrations.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { createDb } from "../db/client";
import { startEmbedded } from "../db/embedded";
import { runMigrations } from "../db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let stop: () => Promise<void> = async () => undefined;
  let serverUrl = process.env.TEST_DATABASE_URL;
  let dataDir: string | null = null;
  if (!serverUrl) {
    dataDir = mkdtempSync(path.join(tmpdir(), "sextant-test-"));
    const embedded = await startEmbedded(dataDir);
    serverUrl = embedded.url;
    stop = embedded.stop;
  }
  const name = `sextant_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const { db, pool } = createDb(url.toString(), 2);
  await runMigrations(db, pool);
  await pool.end();
  project.provide("databaseUrl", url.toString());

  return async () => {
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
    await stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}
