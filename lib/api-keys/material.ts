import "server-only";
import { keyKind } from "@sextant/sdk";
import { randomToken, sha256 } from "@/lib/members/tokens";

/** A fresh key pair: 128 random bits in the public key, 192 in the secret. */
export function newKeyPair(): { publicKey: string; secretKey: string } {
  return { publicKey: `pk-${randomToken(16)}`, secretKey: `sk-${randomToken(24)}` };
}

export const hashSecret = sha256;

/** What the UI shows of a secret it no longer has: `sk-AbCd…`. */
export function secretPrefix(secretKey: string): string {
  return `${secretKey.slice(0, 7)}…`;
}

export function assertKeyPair(publicKey: string, secretKey: string): void {
  if (keyKind(publicKey) !== "public" || publicKey.length < 25) throw new Error("The public key must look like pk-… with at least 22 random characters.");
  if (keyKind(secretKey) !== "secret" || secretKey.length < 25) throw new Error("The secret key must look like sk-… with at least 22 random characters.");
}
