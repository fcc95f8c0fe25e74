// Signing in and out through the forms, as a person does.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../prisma/seed/demo";
import { holdAppScripts } from "./fixtures/scripts";

async function signInWithForm(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a signed-out visitor is sent to sign in, then back to the page they asked for", async ({ page }) => {
  await page.goto("/account?from=menu");
  await expect(page).toHaveURL(/\/login\?next=%2Faccount%3Ffrom%3Dmenu$/);
  await signInWithForm(page, "analyst@example.com");
  await expect(page).toHaveURL(/\/account\?from=menu$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
});

test("before the page's script has run, the sign-in form takes nothing and sends nothing, so a password never lands in the address bar", async ({ page }) => {
  const release = await holdAppScripts(page);
  await page.goto("/login", { waitUntil: "commit" }); // the held scripts hold the page's load events
  const navigations: string[] = [];
  page.on("request", (request) => {
    if (request.isNavigationRequest()) navigations.push(`${request.method()} ${request.url()}`);
  });

  // Typing now would be wiped at hydration, and sending would be the browser's own GET.
  const send = page.getByRole("button", { name: "Sign in" });
  await expect(send).toBeDisabled();
  await expect(page.getByLabel("Email")).toBeDisabled();
  await expect(page.getByLabel("Password")).toBeDisabled();
  // A language chosen now would be put back at hydration, unsaved.
  await expect(page.getByLabel("Language")).toBeDisabled();
  await send.dispatchEvent("click");

  release();
  await expect(send).toBeEnabled();
  await expect(page.getByLabel("Language")).toBeEnabled();
  expect(navigations).toEqual([]);
  await signInWithForm(page, "analyst@example.com");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("France and the Maghreb");
});

test("a wrong password is refused without saying whether the account exists", async ({ page }) => {
  await page.goto("/login");
  await signInWithForm(page, "analyst@example.com", "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "Wrong" })).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/login$/);
});

test("sign-out ends the session on the server, not just in this tab", async ({ page, context, playwright, baseURL }) => {
  await page.goto("/login");
  await signInWithForm(page, "analyst2@example.com");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("France and the Maghreb");
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === "maghreb.session_token");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false }); // served over http here

  await page.getByRole("button", { name: "Sam Analyst" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);

  // The old cookie, replayed by anyone who kept it, opens nothing any more.
  const replay = await playwright.request.newContext({ baseURL, storageState: { cookies, origins: [] } });
  const input = encodeURIComponent(JSON.stringify({ json: null }));
  expect((await replay.get(`/api/trpc/account.me?input=${input}`)).status()).toBe(401);
  await replay.dispose();
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
});

test("a sign-out the server could not complete says so and keeps the user where they were", async ({ page }) => {
  await page.goto("/login");
  await signInWithForm(page, "analyst2@example.com");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("France and the Maghreb");
  // The answer the server gives while PostgreSQL is down (server/outage.faults.test.ts proves it).
  await page.route("**/api/auth/sign-out", (route) =>
    route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ message: "The database is unavailable; try again shortly." }) }),
  );
  await page.getByRole("button", { name: "Sam Analyst" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Not signed out" })).toHaveText("Not signed out: The database is unavailable; try again shortly.");
  await expect(page).not.toHaveURL(/\/login/);

  await page.unroute("**/api/auth/sign-out");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
});
