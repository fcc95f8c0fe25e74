// Every procedure, over HTTP as the browser calls it, as each kind of caller: the signed-out get
// 401 and a refusal leaves the database as it was. Every answer is also searched for password hashes.
import { describe, expect, it } from "vitest";
import { ORIGIN, passwordHashes, protectedState, useAuthTestDatabase } from "@/scripts/test/auth";
import { appRouter } from "./root";

describe("who may call what", async () => {
  const t = await useAuthTestDatabase();
  const analyst = await t.signIn("analyst@example.com");
  const signedOut = new Headers({ origin: ORIGIN });
  const hashesBefore = await passwordHashes(t.db);
  const answers: string[] = [];

  /** Sample input for each procedure, called as an analyst. */
  const procedures: Record<string, { kind: "query" | "mutation"; input?: unknown }> = {
    "relations.dyads": { kind: "query", input: { dyads: ["FRA-MAR"] } },
    "agreements.latest": { kind: "query", input: { limit: 5 } },
    "account.me": { kind: "query" },
    "account.changePassword": { kind: "mutation", input: { currentPassword: "not-my-password", newPassword: "another-password-1" } },
  };

  async function call(path: string, input: unknown, headers: Headers): Promise<number> {
    const method = procedures[path]?.kind === "query" ? "GET" : "POST";
    const response = await t.api(t.trpcRequest(path, input, { method, headers }));
    answers.push(await response.text());
    return response.status;
  }

  it("lists every procedure of the API here", () => {
    expect(Object.keys(procedures).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });

  for (const [path, { input }] of Object.entries(procedures)) {
    it(`${path}: refuses the signed-out (401), unchanged`, async () => {
      const before = await protectedState(t.db);
      expect(await call(path, input, signedOut)).toBe(401);
      expect(await protectedState(t.db)).toEqual(before);

      const allowed = await call(path, input, analyst);
      expect(allowed, answers.at(-1)).toBeLessThan(500);
      expect([401, 403]).not.toContain(allowed);
    });
  }

  it("never answered with a password hash, nor half of one", async () => {
    expect(answers.length).toBeGreaterThan(7);
    const hashes = [...hashesBefore, ...(await passwordHashes(t.db))];
    expect(hashes.length).toBeGreaterThan(8);
    for (const answer of answers) for (const hash of hashes) expect(answer).not.toContain(hash);
  });
});
