import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { AppError } from "@/lib/http/errors";

// Channel URLs and signing secrets are needed in clear to send and sign, so they are
// encrypted, not hashed: AES-256-GCM under a key derived from AUTH_SECRET (which the
// launcher always provides). A database dump or backup alone reveals none of them.
// Changing AUTH_SECRET makes them unreadable: deliveries then fail with a message
// saying to set the channel's URL and secret again (ADR 0009).

const VERSION = "v1";

function key(): Buffer {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new AppError("UNAVAILABLE", "AUTH_SECRET is not set, so channel secrets cannot be encrypted; start Sextant with npm run start or set AUTH_SECRET.");
  return Buffer.from(hkdfSync("sha256", secret, "sextant", "notification-channel-secret", 32));
}

export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

export class UnreadableSecret extends Error {}

export function decryptSecret(stored: string): string {
  const [version, iv, tag, data] = stored.split(".");
  if (version !== VERSION || !iv || !tag || data === undefined) throw new UnreadableSecret("The stored channel secret has an unknown format.");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new UnreadableSecret("The channel's URL or secret cannot be decrypted (was AUTH_SECRET changed?); set them again.");
  }
}

/** What the API shows of a URL: scheme, host and the last 4 characters — enough to recognize, useless to call. */
export function urlHint(url: string): string {
  const u = new URL(url);
  const rest = `${u.pathname}${u.search}`;
  return rest.length > 1 ? `${u.protocol}//${u.host}/…${rest.slice(-4)}` : `${u.protocol}//${u.host}/`;
}
