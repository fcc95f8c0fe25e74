// The server process's one Better Auth instance, made on first use like getDb(): `next build`
// imports route modules with neither a database nor a secret.
import "server-only";
import { credentialsClientOn } from "../db-client";
import { getDb } from "../db";
import { env } from "../env";
import { createAuth, type Auth } from "./auth";
import { authSettings, type AuthSettings } from "./settings";

const globalForAuth = globalThis as { auth?: Auth; authSettings?: AuthSettings };

export function getAuthSettings(): AuthSettings {
  return (globalForAuth.authSettings ??= authSettings(env));
}

export function getAuth(): Auth {
  if (globalForAuth.auth) return globalForAuth.auth;
  return (globalForAuth.auth = createAuth({ db: credentialsClientOn(getDb()), settings: getAuthSettings() }));
}
