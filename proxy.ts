// Runs before every page and API route. Sets the security headers (server/http/security-headers.ts)
// with a fresh CSP nonce per page request, which Next.js reads from the request's
// Content-Security-Policy header and puts on its own scripts.
// Pages: an address with blank parameters is sent to the same one without them.
// Pages: a request without a session cookie is sent to /login?next=… at once. This only looks
// for the cookie (no database); each page then checks the session itself (requireUser), and
// every procedure does too, so a forged or expired cookie gets nowhere.
import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { COOKIE_PREFIX } from "./server/auth/cookie";
import { isPublicPage, loginHref, REQUEST_PATH_HEADER } from "./server/auth/paths";
import { withoutBlankParams } from "./server/scope/url";
import { API_CONTENT_SECURITY_POLICY, newNonce, pageContentSecurityPolicy, securityHeaders, securitySettingsOf, UNSUBSCRIBE_CONTENT_SECURITY_POLICY, UNSUBSCRIBE_PAGE_PATH } from "./server/http/security-headers";

const settings = securitySettingsOf(process.env);

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // API routes answer 401 themselves; they get the headers, with a policy that lets nothing run.
  if (pathname.startsWith("/api/")) {
    const policy = pathname === UNSUBSCRIBE_PAGE_PATH ? UNSUBSCRIBE_CONTENT_SECURITY_POLICY : API_CONTENT_SECURITY_POLICY;
    return withHeaders(NextResponse.next(), securityHeaders(settings, policy));
  }

  const csp = pageContentSecurityPolicy(newNonce(), settings);
  const headers = securityHeaders(settings, csp);
  // A GET form the browser sent itself (before hydration, or without JavaScript) names every
  // field, blank or not: it lands on the address the page's script would have made. Cannot loop.
  const kept = withoutBlankParams(request.nextUrl.searchParams);
  if (kept !== null) {
    const tidy = request.nextUrl.clone();
    tidy.search = kept.toString();
    return withHeaders(NextResponse.redirect(tidy), headers);
  }
  if (!isPublicPage(pathname) && !getSessionCookie(request, { cookiePrefix: COOKIE_PREFIX })) {
    return withHeaders(NextResponse.redirect(new URL(loginHref(pathname + search), request.url)), headers);
  }
  const forwarded = new Headers(request.headers);
  forwarded.set(REQUEST_PATH_HEADER, pathname + search);
  forwarded.set("Content-Security-Policy", csp);
  return withHeaders(NextResponse.next({ request: { headers: forwarded } }), headers);
}

export const config = {
  // Pages and API routes; static files get their headers from next.config.js, and tRPC calls
  // from their endpoint (server/api-handler.ts): running this for each of them cost 1–4 ms
  // of a call's server CPU (BENCHMARKS.md, "tRPC calls past proxy.ts").
  matcher: ["/((?!_next/static|_next/image|icon.svg|favicon.ico|api/trpc/).*)"],
};
