import { describe, expect, it } from "vitest";
import { isAdmin, roleOf } from "./permissions";

const analyst = { id: "u-analyst", role: "analyst" as const };
const admin = { id: "u-admin", role: "admin" as const };

describe("isAdmin and roleOf", () => {
  it("grants admin to the admin role only, and to nobody signed out", () => {
    expect(isAdmin(admin)).toBe(true);
    expect(isAdmin(analyst)).toBe(false);
    expect(isAdmin(null)).toBe(false);
  });

  it("reads an unknown role as the least privileged one", () => {
    expect(roleOf("admin")).toBe("admin");
    expect(roleOf("analyst")).toBe("analyst");
    expect(roleOf("superuser")).toBe("analyst");
    expect(roleOf(undefined)).toBe("analyst");
  });
});
