// Which pages need a session, and where sign-in sends the user back to. Used by proxy.ts,
// server pages and the login form, so it stays free of server-only imports.

/** Pages anyone may open; every other page needs a session. */
export const PUBLIC_PAGES = ["/login", "/methodology"] as const;

/** Set by proxy.ts on each page request: the path and query a page was asked for. */
export const REQUEST_PATH_HEADER = "x-maghreb-path";

export function isPublicPage(pathname: string): boolean {
  return PUBLIC_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`));
}

/**
 * A `next` target that stays on this site: a path, never `//evil.example` or `/\evil.example`
 * (both of which browsers read as another host), nor the login page itself.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.length > 2000) return "/";
  if (isPublicPage(new URL(next, "http://x").pathname)) return "/";
  return next;
}

export function loginHref(next: string): string {
  const target = safeNextPath(next);
  return target === "/" ? "/login" : `/login?${new URLSearchParams({ next: target })}`;
}
