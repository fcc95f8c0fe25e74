// Changing one's own password: this session stays, the others end, guesses are throttled.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@/prisma/seed/demo";
import { useAuthTestDatabase } from "@/scripts/test/auth";

const codeOf = (e: unknown) => (e instanceof TRPCError ? e.code : e);
const refusal = (promise: Promise<unknown>) => promise.then(() => "allowed", codeOf);

const t = await useAuthTestDatabase();
const signInStatus = async (email: string, password: string) => (await t.auth.handler(t.signInRequest({ email, password }))).status;

describe("own password", () => {
  it("lets users change their own password, keeping this session and ending the others", async () => {
    const email = "analyst2@example.com";
    const [here, elsewhere] = [await t.signIn(email), await t.signIn(email)];
    const me = await t.callerWith(here);
    const wrong = await me.account.changePassword({ currentPassword: "not-it-at-all", newPassword: "careful-new-password" }).catch((e: unknown) => e);
    expect(codeOf(wrong)).toBe("BAD_REQUEST");
    expect(wrong instanceof TRPCError && wrong.message).toBe("This is not your current password.");

    await me.account.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: "careful-new-password" });
    expect((await (await t.callerWith(here)).account.me()).email).toBe(email);
    expect(await refusal((await t.callerWith(elsewhere)).account.me())).toBe("UNAUTHORIZED");
    expect(await signInStatus(email, "careful-new-password")).toBe(200);
  });

  it("counts wrong current passwords like failed sign-ins", async () => {
    const me = await t.callerAs("outsider@example.com");
    const guess = (n: number) => refusal(me.account.changePassword({ currentPassword: `guess-${n}`, newPassword: "guessed-new-password" }));
    for (let n = 0; n < 5; n++) expect(await guess(n)).toBe("BAD_REQUEST");
    expect(await guess(5)).toBe("TOO_MANY_REQUESTS");
    expect(await signInStatus("outsider@example.com", DEMO_PASSWORD)).toBe(429);
  });

  it("refuses a short new password with a field message", async () => {
    const me = await t.callerAs("admin@example.com");
    expect(await refusal(me.account.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: "short" }))).toBe("BAD_REQUEST");
  });
});
