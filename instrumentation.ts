// Background jobs (partitions ahead, retention) start with the server, never during `next build`.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { startJobs } = await import("./lib/jobs/scheduler");
  startJobs();
}
