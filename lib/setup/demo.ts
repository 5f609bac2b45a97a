import "server-only";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/db/client";
import { newKeyPair } from "@/lib/api-keys/material";
import { randomToken } from "@/lib/members/tokens";
import { runInit, type InitResult } from "./init";

export type DemoCredentials = { email: string; password: string; publicKey: string; secretKey: string };

/**
 * The demo org, project, owner and key pair. Credentials are generated once and
 * kept (mode 0600) in the data directory, so restarts print the same login.
 */
export async function seedDemo(db: Db, dataDir: string): Promise<DemoCredentials & InitResult> {
  const file = path.join(dataDir, "demo-credentials.json");
  let creds: DemoCredentials;
  if (existsSync(file)) {
    creds = JSON.parse(readFileSync(file, "utf8")) as DemoCredentials;
  } else {
    creds = { email: "demo@sextant.local", password: `demo-${randomToken(9)}`, ...newKeyPair() };
    writeFileSync(file, JSON.stringify(creds, null, 2), { mode: 0o600 });
  }
  const result = await runInit(db, {
    org: "Demo organization",
    project: "Demo project",
    adminEmail: creds.email,
    adminPassword: creds.password,
    publicKey: creds.publicKey,
    secretKey: creds.secretKey,
  });
  return { ...creds, ...result };
}
