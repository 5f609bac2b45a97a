import "server-only";
import { z } from "zod";

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

/** Every environment variable Sextant reads, parsed once. */
const Env = z.object({
  DATABASE_URL: optional.pipe(z.url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgres:// URL" }).optional()),
  SEXTANT_DATA_DIR: optional.transform((v) => v ?? ".sextant"),
  PORT: optional.pipe(z.coerce.number<string | undefined>().int().min(0).max(65535).optional()).transform((v) => v ?? 3000),
  HOST: optional,
  AUTH_SECRET: optional.pipe(z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional()),
  SEXTANT_INIT_ORG: optional,
  SEXTANT_INIT_PROJECT: optional,
  SEXTANT_INIT_ADMIN_EMAIL: optional.pipe(z.email("SEXTANT_INIT_ADMIN_EMAIL must be an email address").optional()),
  SEXTANT_INIT_ADMIN_PASSWORD: optional.pipe(z.string().min(8, "SEXTANT_INIT_ADMIN_PASSWORD must be at least 8 characters").optional()),
  SEXTANT_INIT_PUBLIC_KEY: optional,
  SEXTANT_INIT_SECRET_KEY: optional,
});
export type Env = z.infer<typeof Env>;

let cached: Env | undefined;

/** The parsed environment; throws one readable message listing every bad variable. */
export function env(source: NodeJS.ProcessEnv = process.env): Env {
  if (source === process.env && cached) return cached;
  const parsed = Env.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  if (source === process.env) cached = parsed.data;
  return parsed.data;
}
