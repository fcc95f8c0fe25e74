// Server pages ask these before rendering: the real session check behind proxy.ts's cookie glance.
import "server-only";
import { forbidden, redirect } from "next/navigation";
import { headers } from "next/headers";
import { requestContext } from "../caller";
import { refusalFor } from "./gate";
import { loginHref, REQUEST_PATH_HEADER } from "./paths";
import type { SessionUser } from "./permissions";

/**
 * The app's gate, answered as a page: signed out is a redirect to /login that comes back here
 * afterwards; signed in without the role is a 403 page, not a hint of what is behind it.
 */
async function pageGate(role: SessionUser["role"]): Promise<SessionUser> {
  const { user } = await requestContext();
  const refusal = refusalFor(user, role);
  if (refusal?.code === "UNAUTHORIZED" || !user) redirect(loginHref((await headers()).get(REQUEST_PATH_HEADER) ?? "/"));
  if (refusal) forbidden();
  return user;
}

/** The signed-in user, whatever their role. */
export function requireUser(): Promise<SessionUser> {
  return pageGate("analyst");
}

/** Admin pages. */
export function requireAdmin(): Promise<SessionUser> {
  return pageGate("admin");
}
