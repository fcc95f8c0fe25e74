// Two app instances on one database, each keeping the sessions it has looked up and listening for
// changes (as `npm start -- --instances 2`, or two machines, run them): a session ended, or a user
// deactivated or given another role, through either one or any other writer, is refused or seen
// anew by both once the notice arrives; a session is never answered past its expiry.
import { afterAll, describe, expect, it } from "vitest";
import { ORIGIN, useAuthTestDatabase } from "@/scripts/test/auth";
import { listenForChanges } from "../shared/change-feed";
import { nextNotice, sleep, within } from "@/scripts/test/notices";
import { knownSessionsWith, sessionOf } from "./session";

describe("sessions kept by two instances", async () => {
  const t = await useAuthTestDatabase();
  const admin = await t.callerAs("admin@example.com");
  const instances = ["A", "B"].map((name) => {
    const feed = listenForChanges({ databaseUrl: t.url, log: () => undefined });
    return { name, feed, sessions: knownSessionsWith(() => feed) };
  });
  afterAll(() => Promise.all(instances.map((i) => i.feed.close())));
  await Promise.all(instances.map((i) => i.feed.ready()));
  const whoOn = async (instance: (typeof instances)[number], headers: Headers) => (await sessionOf({ auth: t.auth, headers, db: t.db, sessions: instance.sessions }))?.user ?? null;
  const everywhere = (headers: Headers) => Promise.all(instances.map((i) => whoOn(i, headers)));
  /** A write, once every instance has heard of it: the notice leaves on commit and arrives moments later. */
  async function announced<T>(write: () => Promise<T>): Promise<T> {
    const heard = Promise.all(instances.map((i) => nextNotice(i.feed, "sessions")));
    const result = await write();
    await within(heard, 2_000, "the notice on both listeners");
    return result;
  }
  /** A write no listener hears (triggers off for its transaction): only memory can explain an old answer after it. */
  const unheard = (sql: ReturnType<typeof t.db.$executeRaw>) => t.db.$transaction([t.db.$executeRaw`SET LOCAL session_replication_role = replica`, sql]);
  const userId = async (email: string) => (await t.db.user.findUniqueOrThrow({ where: { email } })).id;

  it("answer a session from memory, and see a user's new role on both instances once it is announced", async () => {
    const headers = await t.signIn("analyst2@example.com");
    for (const user of await everywhere(headers)) expect(user).toMatchObject({ email: "analyst2@example.com", role: "analyst" });
    await unheard(t.db.$executeRaw`UPDATE "User" SET role = 'admin' WHERE email = 'analyst2@example.com'`);
    for (const user of await everywhere(headers)) expect(user?.role, "from memory").toBe("analyst");

    await announced(() => t.db.user.update({ where: { email: "analyst2@example.com" }, data: { role: "admin" } }));
    for (const user of await everywhere(headers)) expect(user?.role).toBe("admin");
    await announced(() => t.db.user.update({ where: { email: "analyst2@example.com" }, data: { role: "analyst" } }));
    for (const user of await everywhere(headers)) expect(user?.role).toBe("analyst");
  });

  it("refuse a session signed out elsewhere, on both instances", async () => {
    const headers = await t.signIn("analyst@example.com");
    for (const user of await everywhere(headers)) expect(user?.email).toBe("analyst@example.com");
    const signOut = await announced(() => t.auth.handler(new Request(`${ORIGIN}/api/auth/sign-out`, { method: "POST", headers: { cookie: headers.get("cookie") ?? "", origin: ORIGIN } })));
    expect(signOut.status).toBe(200);
    expect(await everywhere(headers)).toEqual([null, null]);
  });

  it("refuse every session of a user deactivated by an admin, on both instances", async () => {
    const headers = await t.signIn("outsider@example.com");
    for (const user of await everywhere(headers)) expect(user?.email).toBe("outsider@example.com");
    const id = await userId("outsider@example.com");
    await announced(() => admin.users.deactivate({ userId: id }));
    expect(await everywhere(headers)).toEqual([null, null]);
    await admin.users.reactivate({ userId: id });
  });

  it("never answer a session past its expiry, though nothing announces it", async () => {
    const headers = await t.signIn("reviewer@example.com");
    const endsAt = new Date(Date.now() + 1_500);
    const id = await userId("reviewer@example.com");
    await announced(() => t.db.session.updateMany({ where: { userId: id }, data: { expiresAt: endsAt } }));
    for (const user of await everywhere(headers)) expect(user?.email).toBe("reviewer@example.com");
    await sleep(endsAt.getTime() - Date.now() + 100);
    expect(await everywhere(headers)).toEqual([null, null]);
  });

  it("keep no refusal: a cookie that signs nobody in is asked about each time", async () => {
    const [a] = instances;
    if (!a) throw new Error("no instance");
    const kept = a.sessions.size;
    const forged = new Headers({ cookie: "maghreb.session_token=not-a-session.signature", origin: ORIGIN });
    expect(await whoOn(a, forged)).toBeNull();
    expect(a.sessions.size).toBe(kept);
    expect(await whoOn(a, new Headers({ origin: ORIGIN }))).toBeNull();
  });

  it("read every request through without a listener: a session ended unannounced is refused at once", async () => {
    const deaf = knownSessionsWith(() => undefined);
    const headers = await t.signIn("analyst@example.com");
    expect((await sessionOf({ auth: t.auth, headers, db: t.db, sessions: deaf }))?.user.email).toBe("analyst@example.com");
    await unheard(t.db.$executeRaw`DELETE FROM "Session" WHERE "userId" = ${await userId("analyst@example.com")}`);
    expect(await sessionOf({ auth: t.auth, headers, db: t.db, sessions: deaf })).toBeNull();
  });

});
