import { describe, expect, it } from "vitest";
import { isPublicPage, loginHref, safeNextPath } from "./paths";

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

  it("sends anything that could leave the site, or loop back to login, to the dashboard", () => {
    for (const next of [null, undefined, "", "https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "/login?next=/x"]) {
      expect(safeNextPath(next)).toBe("/");
    }
  });
});

describe("loginHref", () => {
  it("carries the page asked for", () => {
    expect(loginHref("/views/abc")).toBe("/login?next=%2Fviews%2Fabc");
    expect(loginHref("/")).toBe("/login");
  });
});
