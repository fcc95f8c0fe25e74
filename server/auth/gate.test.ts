// The one authorisation rule: signed out is UNAUTHORIZED, signed in without the role FORBIDDEN.
import { describe, expect, it } from "vitest";
import { AppError } from "../shared/errors";
import { ADMINS_ONLY_MESSAGE, refusalFor, requireRole, requireSignedIn, SIGN_IN_MESSAGE } from "./gate";

const analyst = { id: "u-analyst", role: "analyst" as const };
const admin = { id: "u-admin", role: "admin" as const };

function thrown(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("requireRole", () => {
  it("lets admins through every door and analysts through the signed-in one, returning the user", () => {
    expect(requireRole(admin, "admin")).toBe(admin);
    expect(requireRole(admin, "analyst")).toBe(admin);
    expect(requireRole(analyst, "analyst")).toBe(analyst);
  });

  it("refuses the signed-out UNAUTHORIZED and analysts at an admin door FORBIDDEN, never blurring the two", () => {
    expect(thrown(() => requireRole(null, "analyst"))).toMatchObject({ code: "UNAUTHORIZED", message: SIGN_IN_MESSAGE });
    expect(thrown(() => requireRole(null, "admin"))).toMatchObject({ code: "UNAUTHORIZED", message: SIGN_IN_MESSAGE });
    expect(thrown(() => requireRole(analyst, "admin"))).toMatchObject({ code: "FORBIDDEN", message: ADMINS_ONLY_MESSAGE });
  });

  it("words a refusal as the route asks", () => {
    const messages = { signIn: "Sign in to import.", forbidden: "Only admins may import." };
    expect(thrown(() => requireRole(null, "admin", messages)).message).toBe("Sign in to import.");
    expect(thrown(() => requireRole(analyst, "admin", messages)).message).toBe("Only admins may import.");
  });
});

describe("requireSignedIn", () => {
  it("passes any identity (a session user, a feed token's owner) and refuses none", () => {
    expect(requireSignedIn({ userId: "u1" })).toEqual({ userId: "u1" });
    expect(thrown(() => requireSignedIn(null))).toMatchObject({ code: "UNAUTHORIZED", message: SIGN_IN_MESSAGE });
    expect(thrown(() => requireSignedIn(undefined, { signIn: "Use a feed token." }))).toMatchObject({ code: "UNAUTHORIZED", message: "Use a feed token." });
  });
});

describe("refusalFor", () => {
  it("is the same rule as a value: null to pass, else the refusal requireRole would throw", () => {
    expect(refusalFor(admin, "admin")).toBeNull();
    expect(refusalFor(analyst, "analyst")).toBeNull();
    expect(refusalFor(null, "analyst")?.code).toBe("UNAUTHORIZED");
    expect(refusalFor(analyst, "admin")?.code).toBe("FORBIDDEN");
  });
});
