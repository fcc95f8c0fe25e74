// The pages users open carry a strict Content Security Policy with a fresh nonce, and still work
// under it: the browser reports no violation on the login page, the dashboard (map and charts),
// a dyad's page and an admin form. API answers and static files carry the other headers.
import { expect, test, type Page, type Response } from "@playwright/test";
import { storageStateOf } from "./fixtures/auth";

declare global {
  interface Window {
    cspViolations: string[];
  }
}

/** Collects every CSP violation the page reports, from the DOM event and the console. */
async function watchViolations(page: Page): Promise<string[]> {
  const reported: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) reported.push(message.text());
  });
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  return reported;
}

async function violationsOn(page: Page, console: string[]): Promise<string[]> {
  return [...console, ...(await page.evaluate(() => window.cspViolations))];
}

function expectStrictPolicy(response: Response | null): string {
  const headers = response?.headers() ?? {};
  const csp = headers["content-security-policy"] ?? "";
  const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
  expect(scriptSrc).toMatch(/^\s*script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'$/);
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  for (const directive of ["frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'", "object-src 'none'"]) expect(csp).toContain(directive);
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["permissions-policy"]).toContain("camera=()");
  return csp;
}

test("the login page: strict policy, a new nonce on every load, and no violation", async ({ page }) => {
  const violations = await watchViolations(page);
  const first = expectStrictPolicy(await page.goto("/login"));
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  const second = expectStrictPolicy(await page.reload());
  expect(second).not.toBe(first);
  // Hydrated: the form's own script checks the fields (a page without it would submit natively).
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your password.")).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  expect(await violationsOn(page, violations)).toEqual([]);
});

test.describe("signed in as an analyst", () => {
  test.use({ storageState: storageStateOf("analyst") });

  test("the dashboard draws its map and sparklines with no violation", async ({ page }) => {
    const violations = await watchViolations(page);
    expectStrictPolicy(await page.goto("/"));
    const map = page.getByRole("region", { name: "Map of the Maghreb" });
    await expect(map.getByRole("link", { name: /^Morocco: index/ })).toBeVisible();
    await expect(map.locator(".event-cluster, .event-marker").first()).toBeVisible();
    await expect(page.getByRole("list", { name: "Relation indicators" }).locator("svg").first()).toBeVisible();
    expect(await violationsOn(page, violations)).toEqual([]);
  });

  test("a dyad's page draws its chart with no violation", async ({ page }) => {
    const violations = await watchViolations(page);
    expectStrictPolicy(await page.goto("/dyads/FRA-MAR"));
    await expect(page.getByRole("figure", { name: /Relations index, France – Morocco/ }).locator("svg .recharts-line")).toHaveCount(1);
    expect(await violationsOn(page, violations)).toEqual([]);
  });

  test("API answers and static files carry the headers too", async ({ page, request }) => {
    for (const path of ["/api/health", "/api/trpc/account.me", "/api/exports/agreements.json", "/api/map/borders"]) {
      const headers = (await request.get(path)).headers();
      expect(headers["content-security-policy"], path).toContain("default-src 'none'");
      expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    }
    await page.goto("/");
    const script = await page.locator("script[src^='/_next/static/']").first().getAttribute("src");
    const headers = (await request.get(script ?? "")).headers();
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
  });
});

test.describe("signed in as an admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("the event form validates as the user types, with no violation", async ({ page }) => {
    const violations = await watchViolations(page);
    expectStrictPolicy(await page.goto("/admin/events/new"));
    const form = page.getByRole("form", { name: "New event" });
    await form.getByLabel("Dyad").selectOption("DZA-FRA");
    await form.getByLabel("Actor").selectOption("DZA");
    await form.getByLabel("Target").selectOption("FRA");
    await form.getByLabel("Event type").selectOption("161");
    await expect(form.getByText(/Score: s = G × L × V/)).toBeVisible();
    expect(await violationsOn(page, violations)).toEqual([]);
  });
});
