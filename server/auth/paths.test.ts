import { describe, expect, it } from "vitest";
import { isPublicPage, loginHref, NEXT_PATH_MAX, safeNextPath } from "./paths";

describe("isPublicPage", () => {
  it("opens the login and methodology pages only", () => {
    expect(isPublicPage("/login")).toBe(true);
    expect(isPublicPage("/methodology")).toBe(true);
    expect(isPublicPage("/methodology/index")).toBe(true);
    expect(isPublicPage("/")).toBe(false);
    expect(isPublicPage("/loginx")).toBe(false);
    expect(isPublicPage("/admin")).toBe(false);
  });
});

describe("safeNextPath", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeNextPath("/views")).toBe("/views");
    expect(safeNextPath("/?dyads=FRA-MAR&v=1")).toBe("/?dyads=FRA-MAR&v=1");
  });

  it("keeps the addresses this app makes, query and fragment included, as they are", () => {
    for (const next of ["/agreements?dyads=FRA-MAR&from=2024-01-01", "/dyads/FRA-MAR#drivers", "/agreements?q=%22gas%20supply%22", "/account?from=menu"]) {
      expect(safeNextPath(next)).toBe(next);
    }
  });

  it("sends anything that could leave the site, or loop back to login, to the dashboard", () => {
    for (const next of [null, undefined, "", "https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "/login?next=/x"]) {
      expect(safeNextPath(next)).toBe("/");
    }
  });

  it.each([
    // Browsers drop tabs and line breaks anywhere in an address before reading it, so these read
    // as "//evil.example/x": another host.
    ["a tab browsers drop", "/\t/evil.example/x"],
    ["a carriage return browsers drop", "/\r/evil.example/x"],
    ["a line feed browsers drop", "/\n/evil.example/x"],
    ["a CR LF browsers drop", "/\r\n/evil.example/x"],
    ["a tab before a backslash", "/\t\\evil.example"],
    ["a leading tab", "\t//evil.example"],
    ["a NUL", "/\u0000/evil.example"],
    // Browsers read "\" as "/" in http(s) addresses.
    ["a leading /\\", "/\\evil.example"],
    ["a leading \\\\", "\\\\evil.example"],
    ["a leading \\/", "\\/evil.example"],
    ["a leading /\\\\", "/\\\\evil.example"],
    // Harmless to a browser, but one decoding step (a proxy, a framework) makes them another host.
    ["an encoded //: %2F%2F", "/%2F%2Fevil.example"],
    ["an encoded //: %2f%2f", "/%2f%2fevil.example"],
    ["an encoded /: %2F", "/%2Fevil.example"],
    ["an encoded \\: %5C", "/%5Cevil.example"],
    ["an encoded \\\\: %5c%5c", "/%5c%5cevil.example"],
    ["an encoded tab: %09", "/%09/evil.example"],
    ["%2F%2F without its leading slash", "%2F%2Fevil.example"],
    // A path that does not start with a single "/": dot segments collapse "/.//evil.example" to
    // "//evil.example", which read back as an address is another host.
    ["a leading //", "//evil.example"],
    ["a leading ///", "///evil.example"],
    ["a dot segment before //", "/.//evil.example"],
    ["a dot-dot segment before //", "/x/..//evil.example"],
    // Another scheme or another site.
    ["javascript:", "javascript:alert(1)"],
    ["JavaScript: in mixed case", "JavaScript:alert(document.domain)"],
    ["javascript: after a space", " javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["an https URL", "https://evil.example"],
    ["an http URL", "http://evil.example/x"],
    ["an upper-case HTTPS URL", "HTTPS://evil.example/"],
    ["https: without slashes", "https:evil.example"],
    ["http: with one slash", "http:/evil.example"],
    // Lookalikes of "/" that some layers fold to "/" (the fullwidth solidus is "/" under NFKC);
    // no address this app makes holds a raw non-ASCII character.
    ["U+2215 division slash", "/\u2215evil.example"],
    ["U+FF0F fullwidth solidus", "/\uFF0Fevil.example"],
    ["U+2044 fraction slash", "/\u2044evil.example"],
    ["U+FF3C fullwidth reverse solidus", "/\uFF3Cevil.example"],
    ["two fullwidth solidi", "\uFF0F\uFF0Fevil.example"],
  ])("refuses %s", (_name, next) => {
    expect(safeNextPath(next)).toBe("/");
  });

  it("refuses a value longer than the cap, keeps one at it", () => {
    const atCap = `/views?q=${"a".repeat(NEXT_PATH_MAX - "/views?q=".length)}`;
    expect(atCap).toHaveLength(NEXT_PATH_MAX);
    expect(safeNextPath(atCap)).toBe(atCap);
    expect(safeNextPath(`${atCap}a`)).toBe("/");
    expect(safeNextPath(`/views?q=${"%2F".repeat(100_000)}`)).toBe("/");
  });
});

describe("loginHref", () => {
  it("carries the page asked for", () => {
    expect(loginHref("/views/abc")).toBe("/login?next=%2Fviews%2Fabc");
    expect(loginHref("/")).toBe("/login");
  });

  it("carries no hostile target", () => {
    expect(loginHref("/\t/evil.example/x")).toBe("/login");
    expect(loginHref("/%2F%2Fevil.example")).toBe("/login");
  });
});
