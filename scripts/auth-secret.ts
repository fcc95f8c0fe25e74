// AUTH_SECRET for `npm start` and `npm run dev`: nobody should have to invent one to try the
// app, and sessions must survive a restart, so one is generated once and kept beside the
// embedded database (.data/auth-secret, git-ignored, readable by its owner only).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function persistedAuthSecret(file: string): string {
  if (existsSync(file)) {
    const kept = readFileSync(file, "utf8").trim();
    if (kept.length >= 32) return kept;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * The secret to run with: AUTH_SECRET when set; else, for a local database or development, the
 * kept one; else none, since instances sharing a DATABASE_URL must also share one secret.
 */
export function authSecretFor(options: { configured: string | undefined; local: boolean; file: string }): string {
  if (options.configured) return options.configured;
  if (options.local) return persistedAuthSecret(options.file);
  throw new Error("AUTH_SECRET is not set: with DATABASE_URL every app instance must share one (e.g. `openssl rand -base64 32`).");
}
