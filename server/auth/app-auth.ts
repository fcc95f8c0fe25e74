// The server process's one Better Auth instance, made on first use like getDb(): `next build`
// imports route modules with neither a database nor a secret.
import "server-only";
import { createCredentialsClient } from "../db-client";
import { env } from "../env";
import { createAuth, type Auth } from "./auth";
import { authSettings, type AuthSettings } from "./settings";

const globalForAuth = globalThis as { auth?: Auth; authSettings?: AuthSettings };

export function getAuthSettings(): AuthSettings {
  return (globalForAuth.authSettings ??= authSettings(env));
}

export function getAuth(): Auth {
  if (globalForAuth.auth) return globalForAuth.auth;
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one.");
  return (globalForAuth.auth = createAuth({ db: createCredentialsClient(url), settings: getAuthSettings() }));
}
