// Which pages need a session, and where sign-in sends the user back to. Used by proxy.ts,
// server pages and the login form, so it stays free of server-only imports.

/** Pages anyone may open; every other page needs a session. */
export const PUBLIC_PAGES = ["/login", "/methodology"] as const;

/** Set by proxy.ts on each page request: the path and query a page was asked for. */
export const REQUEST_PATH_HEADER = "x-maghreb-path";

export function isPublicPage(pathname: string): boolean {
  return PUBLIC_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`));
}

/** The longest `next` kept: this app's addresses are far shorter, a longer one is made by hand. */
export const NEXT_PATH_MAX = 2000;

/** A stand-in origin: `next` is read against it, and kept only if it stays there. */
const APP_ORIGIN = "http://app.invalid";

/**
 * Browsers drop tabs and line breaks from an address before reading it ("/\t/evil.example" is
 * "//evil.example"), and some layers fold lookalikes of "/" to "/". The addresses this app makes
 * are percent-encoded, so a raw control or non-ASCII character only comes from a hand-made link.
 */
const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;

/** `path` read as a browser reads it, when it stays on this site with a path starting with one "/". */
function onThisSite(path: string): URL | null {
  let url: URL;
  try {
    url = new URL(path, APP_ORIGIN);
  } catch {
    return null;
  }
  return url.origin === APP_ORIGIN && !url.pathname.startsWith("//") ? url : null;
}

/** Percent-decoded once, as a proxy or a framework may; null when it is not valid encoding. */
function decodedOnce(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/**
 * Where to send the user after sign-in: `next` as the browser would resolve it, when that is a
 * page of this app, else the dashboard ("/"). Refused: control and non-ASCII characters, anything
 * that is not a path ("https:", "javascript:", "data:"), a path that resolves to another host
 * ("//", "/\\") or to a path starting "//" ("/.//evil.example"), one that does so once decoded
 * ("/%2F%2Fevil.example"), the login page itself, and values over NEXT_PATH_MAX. The one check
 * for the login page, the proxy, the page guards and the login form's navigation.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || next.length > NEXT_PATH_MAX || NOT_PRINTABLE_ASCII.test(next) || !next.startsWith("/")) return "/";
  const url = onThisSite(next);
  const decoded = url && decodedOnce(url.pathname);
  if (!url || decoded === null || !onThisSite(decoded) || isPublicPage(url.pathname)) return "/";
  return url.pathname + url.search + url.hash;
}

export function loginHref(next: string): string {
  const target = safeNextPath(next);
  return target === "/" ? "/login" : `/login?${new URLSearchParams({ next: target })}`;
}
