// The login page's decision, with the session, Next's redirect and the messages stubbed: a signed-in visitor is
// sent on to `next` only when it is a page of this app, and the form is handed the same target.
import { isValidElement, type ReactElement } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/server/auth/permissions";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));

class Redirected extends Error {
  constructor(readonly location: string) {
    super(`redirect to ${location}`);
  }
}

vi.mock("@/server/caller", () => ({ requestContext: async () => ({ user: session.user }) }));
// The words are not this test's subject: the keys stand in for them.
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));
vi.mock("next/navigation", () => ({
  redirect: (location: string) => {
    throw new Redirected(location);
  },
}));

const { default: LoginPage } = await import("./page");
const { LoginForm } = await import("../_components/auth/login-form");

const analyst: SessionUser = { id: "u-1", name: "Sam Analyst", email: "analyst@example.com", role: "analyst" };

/** Where a signed-in visitor is redirected for this `next`. */
async function redirectFor(next: string | string[]): Promise<string> {
  session.user = analyst;
  const error = await LoginPage({ searchParams: Promise.resolve({ next }) }).then(() => null, (e: unknown) => e);
  if (!(error instanceof Redirected)) throw new Error("the signed-in visitor was not redirected");
  return error.location;
}

/** The target the page hands the sign-in form of a signed-out visitor. */
async function formTargetFor(next: string): Promise<string> {
  session.user = null;
  const page: ReactElement<{ children: unknown }> = await LoginPage({ searchParams: Promise.resolve({ next }) });
  const children: unknown[] = [page.props.children].flat();
  const form = children.find((child): child is ReactElement<{ next: string }> => isValidElement(child) && child.type === LoginForm);
  if (!form) throw new Error("no sign-in form on the page");
  return form.props.next;
}

const HOSTILE = ["/\t/evil.example/x", "/\r\n/evil.example/x", "/%2F%2Fevil.example", "/%5Cevil.example", "/.//evil.example", "/\uFF0Fevil.example", "https://evil.example", "//evil.example"];

describe("the login page", () => {
  beforeEach(() => {
    session.user = null;
  });

  it("sends a signed-in visitor on to the page of this app they asked for", async () => {
    expect(await redirectFor("/agreements?dyads=FRA-MAR&from=2024-01-01")).toBe("/agreements?dyads=FRA-MAR&from=2024-01-01");
    expect(await redirectFor(["/dyads/FRA-MAR#drivers", "//evil.example"])).toBe("/dyads/FRA-MAR#drivers");
  });

  it.each(HOSTILE)("sends a signed-in visitor to the dashboard, not off-site, for next=%j", async (next) => {
    expect(await redirectFor(next)).toBe("/");
  });

  it.each(HOSTILE)("hands the sign-in form the dashboard, not next=%j", async (next) => {
    expect(await formTargetFor(next)).toBe("/");
  });

  it("hands the sign-in form the page asked for", async () => {
    expect(await formTargetFor("/account?from=menu")).toBe("/account?from=menu");
  });
});
