// The signed-in user behind a plain HTTP request (exports, feeds): the same session check as tRPC's.
import "server-only";
import { getDb } from "../db";
import { getAuth } from "./app-auth";
import { sessionOf } from "./session";

export async function sessionUserOf(headers: Headers): Promise<{ userId: string } | null> {
  const session = await sessionOf({ auth: getAuth(), headers, db: getDb() });
  return session && { userId: session.user.id };
}
