import { describe, expect, it } from "vitest";
import { instanceRoles, pickBackend, roleFor, type Backend } from "./front";

describe("the front's routing", () => {
  it("sends tRPC calls, batched or not, to the API instances and everything else to the pages'", () => {
    for (const url of ["/api/trpc/relations.summary?input=%7B%7D", "/api/trpc/agreements.list,views.list?batch=1", "/api/trpc"]) expect(roleFor(url)).toBe("api");
    for (const url of ["/", "/dyads/FRA-MAR", "/api/health", "/api/auth/sign-in/email", "/api/export/agreements.csv", "/_next/static/chunks/a.js", "/api/trpcx"]) expect(roleFor(url)).toBe("pages");
  });

  it("keeps a third of the instances, at least one, for the calls", () => {
    expect(instanceRoles(2)).toEqual(["api", "pages"]);
    expect(instanceRoles(3)).toEqual(["api", "pages", "pages"]);
    expect(instanceRoles(6).filter((r) => r === "api")).toHaveLength(2);
  });

  const backend = (role: Backend["role"], inFlight: number, up = true): Backend => ({ role, socketPath: `/s/${role}-${inFlight}`, up, inFlight });

  it("picks the serving instance of the role with the fewest requests in flight", () => {
    const busy = backend("pages", 3);
    const idle = backend("pages", 1);
    expect(pickBackend([backend("api", 0), busy, idle, backend("pages", 0, false)], "pages")).toBe(idle);
  });

  it("lets the other role's instances answer while none of the role serves, and nobody when none serves", () => {
    const pages = backend("pages", 5);
    expect(pickBackend([backend("api", 0, false), pages], "api")).toBe(pages);
    expect(pickBackend([backend("api", 0, false), backend("pages", 0, false)], "pages")).toBeUndefined();
  });
});
