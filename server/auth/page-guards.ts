// Server pages ask these before rendering: the real session check behind proxy.ts's cookie glance.
import "server-only";
import { forbidden, redirect } from "next/navigation";
import { headers } from "next/headers";
import { requestContext } from "../caller";
import { loginHref, REQUEST_PATH_HEADER } from "./paths";
import { isAdmin, type SessionUser } from "./permissions";

/** The signed-in user, or a redirect to /login that comes back here afterwards. */
export async function requireUser(): Promise<SessionUser> {
  const { user } = await requestContext();
  if (!user) redirect(loginHref((await headers()).get(REQUEST_PATH_HEADER) ?? "/"));
  return user;
}

/** Admin pages: analysts get a 403 page, not a hint of what is behind it. */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (!isAdmin(user)) forbidden();
  return user;
}
