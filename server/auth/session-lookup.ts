// The signed-in user behind a plain HTTP request (exports, feeds): the same session check as tRPC's.
import "server-only";
import { getAuth } from "./app-auth";

export async function sessionUserOf(headers: Headers): Promise<{ userId: string } | null> {
  const session = await getAuth().api.getSession({ headers });
  return session && !session.user.banned ? { userId: session.user.id } : null;
}
