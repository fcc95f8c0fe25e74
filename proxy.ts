// Runs before every page: a request without a session cookie is sent to /login?next=… at once.
// This only looks for the cookie (no database); each page then checks the session itself
// (requireUser), and every procedure does too, so a forged or expired cookie gets nowhere.
import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { COOKIE_PREFIX } from "./server/auth/cookie";
import { isPublicPage, loginHref, REQUEST_PATH_HEADER } from "./server/auth/paths";

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isPublicPage(pathname)) return NextResponse.next();
  if (!getSessionCookie(request, { cookiePrefix: COOKIE_PREFIX })) {
    return NextResponse.redirect(new URL(loginHref(pathname + search), request.url));
  }
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, pathname + search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: API routes answer 401 themselves, static files need no session.
  matcher: ["/((?!api/|_next/static|_next/image|icon.svg|favicon.ico).*)"],
};
