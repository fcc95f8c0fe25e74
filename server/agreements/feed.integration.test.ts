// The agreements feed through tRPC's server caller on a real, seeded database: every filter,
// their combination, full-text ranking, pagination while rows arrive, and the detail page.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { createAgreement } from "@/prisma/seed/factories";
import { TEST_READER, useTestDatabase } from "@/scripts/test/database";
import { createCaller } from "../root";
import { createContextInner } from "../trpc";
import { encodeCursor } from "./cursor";
import { agreementSectors } from "./service";
import type { AgreementFiltersInput } from "./schemas";

const PLAN = "Morocco–France police and security action plan";
const ONCF = "ONCF–Alstom protocol on high-speed trainsets";
const ANP = "ANP–AFD ports support programme with a €100 million loan";
const JUSTICE = "Joint declaration on counter-terrorism and organised crime";
const ROYAL = "Expected state visit to France by King Mohammed VI";
const GAS = "Test memorandum on gas supply between Algeria and France";

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  return error instanceof TRPCError ? error.code : undefined;
}

describe("agreements feed", async () => {
  const { db } = await useTestDatabase({ seed: true });
  const api = createCaller(createContextInner({ db, user: TEST_READER }));
  await createAgreement(db, {
    title: GAS,
    kind: "MOU",
    status: "IN_FORCE",
    date: "2022-08-27",
    dyad: "DZA-FRA",
    sectors: ["energy"],
    parties: [
      { name: "Sonatrach", kind: "COMPANY", country: "DZA" },
      { name: "Engie", kind: "COMPANY", country: "FRA" },
    ],
  });

  const titles = async (filters: AgreementFiltersInput) => (await api.agreements.list({ filters, limit: 50 })).items.map((a) => a.title);

  it("lists newest first, undated last, with what a card shows", async () => {
    const { items, nextCursor, notice } = await api.agreements.list({ limit: 50 });
    expect(items[0]?.title).toBe(PLAN);
    expect(items.at(-1)?.title).toBe(ROYAL);
    expect(nextCursor).toBeNull();
    expect(notice).toBeNull();
    const accelerator = items.find((a) => a.title.includes("Investment Accelerator"));
    expect(accelerator?.amounts.map((m) => m.currency).sort()).toEqual(["EUR", "MAD"]);
    expect(accelerator?.parties.map((p) => p.name)).toEqual(["Kingdom of Morocco", "French Republic"]);
    expect(accelerator?.sources[0]?.url).toMatch(/^https:/);
  });

  it("filters by dyad", async () => {
    expect(await titles({ dyads: ["DZA-FRA"] })).toEqual([GAS]);
    expect(await titles({ dyads: ["FRA-MAR"] })).toHaveLength(9);
    expect(await titles({ dyads: ["DZA-FRA", "FRA-MAR"] })).toHaveLength(10);
    expect(await titles({ dyads: ["DZA-MAR"] })).toEqual([]);
  });

  it("filters by party: a name in any case, taken literally, or a party's country code", async () => {
    expect(await titles({ party: "afd" })).toEqual([ANP]);
    expect(await titles({ party: "Alstom" })).toEqual([ONCF]);
    expect(await titles({ party: "DZA" })).toEqual([GAS]);
    expect(await titles({ party: "%" })).toEqual([]);
    expect(await titles({ party: "_" })).toEqual([]);
  });

  it("filters by sector, status and kind, any of the values given", async () => {
    expect(await titles({ sectors: ["rail"] })).toEqual([ONCF]);
    expect((await titles({ sectors: ["rail", "ports"] })).sort()).toEqual([ANP, ONCF].sort());
    expect(await titles({ statuses: ["ANTICIPATED"] })).toEqual([ROYAL]);
    expect(await titles({ statuses: ["IN_FORCE"] })).toEqual([GAS]);
    expect(await titles({ kinds: ["LOAN"] })).toEqual([ANP]);
    expect(await titles({ kinds: ["ACTION_PLAN", "JOINT_DECLARATION"] })).toEqual([PLAN, JUSTICE, ROYAL]);
  });

  it("filters by date range, inclusive, leaving undated agreements out", async () => {
    expect(await titles({ from: "2025-01-01" })).toEqual([PLAN, JUSTICE]);
    expect(await titles({ from: "2024-10-28", to: "2024-10-28" })).toHaveLength(6);
    const before2025 = await titles({ to: "2024-12-31" });
    expect(before2025).toHaveLength(7);
    expect(before2025.at(-1)).toBe(GAS);
    expect(before2025).not.toContain(ROYAL);
  });

  it("searches title, parties, signatories and summary, with web-search syntax", async () => {
    expect((await titles({ q: "security action plan" }))[0]).toBe(PLAN);
    expect(await titles({ q: "Hammouchi" })).toEqual([PLAN]); // a signatory
    expect(await titles({ q: "Sonatrach" })).toEqual([GAS]); // a party
    expect(await titles({ q: "fugitives" })).toEqual([PLAN]); // the summary
    expect(await titles({ q: "wildfire" })).toHaveLength(1); // stemmed: "wildfires"
    expect(await titles({ q: '"high-speed trainsets"' })).toEqual([ONCF]);
    expect((await titles({ q: "trainsets or loan" })).sort()).toEqual([ANP, ONCF].sort());
    expect(await titles({ q: "terrorism -police" })).toEqual([JUSTICE]);
    expect(await titles({ q: "zzyzx" })).toEqual([]);
  });

  it("combines filters", async () => {
    const climate = { sectors: ["climate resilience"] };
    expect(await titles(climate)).toHaveLength(3);
    expect(await titles({ ...climate, kinds: ["LOAN"] })).toEqual([ANP]);
    expect(await titles({ ...climate, kinds: ["LOAN"], q: "ports", party: "AFD", dyads: ["FRA-MAR"], from: "2024-10-01" })).toEqual([ANP]);
    expect(await titles({ ...climate, kinds: ["LOAN"], to: "2024-01-01" })).toEqual([]);
    expect(await titles({ ...climate, dyads: ["DZA-FRA"] })).toEqual([]);
    expect(await titles({ q: "security", statuses: ["SIGNED"], from: "2025-06-01" })).toEqual([PLAN]);
  });

  it("ranks a title match above a party match above a summary match, whatever the dates", async () => {
    const word = "zephyrine";
    await createAgreement(db, { title: "Summary match", date: "2024-03-01", summary: `${word} ${word} ${word} corridor` });
    await createAgreement(db, { title: "Party match", date: "2023-03-01", parties: [{ name: `${word} Holdings` }] });
    await createAgreement(db, { title: `The ${word} accord`, date: "2019-03-01" });
    expect(await titles({ q: word })).toEqual([`The ${word} accord`, "Party match", "Summary match"]);
  });

  it("answers a search with nothing to search for without an error, and says so", async () => {
    const all = await titles({});
    for (const q of ["!!!", "the", "(((", '"', "-", "or", "'&|!:*<>"]) {
      const page = await api.agreements.list({ filters: { q }, limit: 50 });
      expect(page.items.map((a) => a.title)).toEqual(all);
      expect(page.notice).toMatch(/no words to search for/);
    }
    expect(await api.agreements.list({ filters: { q: "   " }, limit: 50 })).toMatchObject({ notice: null, items: { length: all.length } });
    expect(await codeOf(api.agreements.list({ filters: { q: "x".repeat(201) } }))).toBe("BAD_REQUEST");
  });

  it("refuses a next-page link from another ordering, and follows a dated one when the search has no words", async () => {
    for (const date of ["2022-05-01", "2022-06-01"]) await createAgreement(db, { title: `Larkspur accord of ${date}`, date });
    const searched = await api.agreements.list({ filters: { q: "larkspur" }, limit: 1 });
    const dated = await api.agreements.list({ filters: {}, limit: 1 });
    expect(searched.nextCursor && dated.nextCursor).toBeTruthy();
    expect(await codeOf(api.agreements.list({ filters: {}, limit: 1, cursor: searched.nextCursor }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.agreements.list({ filters: { q: "larkspur" }, limit: 1, cursor: dated.nextCursor }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.agreements.list({ filters: { q: "the" }, limit: 1, cursor: searched.nextCursor }))).toBe("BAD_REQUEST");
    const wordless = await api.agreements.list({ filters: { q: "the" }, limit: 1, cursor: dated.nextCursor });
    expect(wordless.items).toEqual((await api.agreements.list({ filters: {}, limit: 1, cursor: dated.nextCursor })).items);
    expect(wordless.notice).toMatch(/no words to search for/);
  });

  it("keeps the search current when parties, signatories or titles change", async () => {
    const { id } = await createAgreement(db, { title: "Quillwort accord", parties: [{ name: "Brambleton Authority" }] });
    await db.signatory.create({ data: { agreementId: id, name: "Ysolde Marchetti", role: "Envoy" } });
    expect(await titles({ q: "Marchetti" })).toEqual(["Quillwort accord"]);
    await db.agreementParty.deleteMany({ where: { agreementId: id } });
    expect(await titles({ q: "Brambleton" })).toEqual([]);
    await db.agreement.update({ where: { id }, data: { title: "Renamed accord" } });
    expect(await titles({ q: "quillwort" })).toEqual([]);
    expect(await titles({ q: "Marchetti" })).toEqual(["Renamed accord"]);
  });

  it("leaves archived agreements out of the feed and their page", async () => {
    const { id } = await createAgreement(db, { title: "Archived accord", sectors: ["archive-test"] });
    await db.agreement.update({ where: { id }, data: { archivedAt: new Date() } });
    expect(await titles({ sectors: ["archive-test"] })).toEqual([]);
    expect(await codeOf(api.agreements.byId({ id }))).toBe("NOT_FOUND");
  });

  describe("pagination", () => {
    /** Walks every page, calling `between` after each, and returns the ids in the order shown. */
    async function walk(filters: AgreementFiltersInput, between: (page: number) => Promise<void>) {
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 50; page++) {
        const result: { items: { id: string }[]; nextCursor: string | null } = await api.agreements.list({ filters, limit: 4, cursor });
        seen.push(...result.items.map((a) => a.id));
        await between(page);
        cursor = result.nextCursor;
        if (!cursor) return seen;
      }
      throw new Error("pagination did not end");
    }

    async function pagingSet(sector: string, title: string) {
      // Ties on purpose: five share a date, three have none, so the id decides their order.
      const dates = ["2024-05-01", "2024-05-01", "2024-05-01", "2024-05-01", "2024-05-01", "2024-04-01", "2023-01-01", null, null, null, "2025-01-01", "2022-02-02", "2024-05-02"];
      const ids: string[] = [];
      for (const date of dates) ids.push((await createAgreement(db, { title, date, sectors: [sector] })).id);
      return ids;
    }

    it("shows every agreement once, in order, while others are added between pages", async () => {
      const initial = await pagingSet("paging", "Paging test agreement");
      const added: { newer?: string; older?: string } = {};
      const seen = await walk({ sectors: ["paging"] }, async (page) => {
        if (page !== 0) return;
        // One that sorts before the cursor (belongs on page 1, shown on reload) and one after it.
        added.newer = (await createAgreement(db, { title: "Paging newer", date: "2030-01-01", sectors: ["paging"] })).id;
        added.older = (await createAgreement(db, { title: "Paging older", date: "2001-01-01", sectors: ["paging"] })).id;
      });
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(expect.arrayContaining(initial));
      expect(seen).toContain(added.older);
      expect(seen).not.toContain(added.newer);
      // The order shown is the order of a fresh, single-page list.
      const fresh = (await api.agreements.list({ filters: { sectors: ["paging"] }, limit: 50 })).items.map((a) => a.id);
      expect(fresh.filter((id) => seen.includes(id))).toEqual(seen);
    });

    it("does the same for a search, whose equal ranks are broken by date and id", async () => {
      const initial = await pagingSet("paging-search", "Pagination quokka");
      const seen = await walk({ q: "quokka" }, async (page) => {
        if (page === 1) await createAgreement(db, { title: "Pagination quokka late", date: "1999-01-01", sectors: ["paging-search"] });
      });
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(expect.arrayContaining(initial));
      expect(seen).toHaveLength(initial.length + 1);
    });

    it("refuses a cursor it did not make, or one from a list ordered otherwise", async () => {
      expect(await codeOf(api.agreements.list({ cursor: "garbage" }))).toBe("BAD_REQUEST");
      const byDate = encodeCursor({ date: "2024-05-01", id: "x" });
      const bySearch = encodeCursor({ date: "2024-05-01", id: "x", rank: 0.5 });
      expect(await codeOf(api.agreements.list({ filters: { q: "quokka" }, cursor: byDate }))).toBe("BAD_REQUEST");
      expect(await codeOf(api.agreements.list({ cursor: bySearch }))).toBe("BAD_REQUEST");
    });
  });

  it("gives one agreement with signatories, status history, related events and sources", async () => {
    const planId = (await api.agreements.list({ filters: { q: "security action plan" }, limit: 1 })).items[0]?.id ?? "";
    const plan = await api.agreements.byId({ id: planId });
    expect(plan.signatories.map((s) => s.name)).toEqual(["Abdellatif Hammouchi", "Louis Lejay"]);
    expect(plan.signatories[1]?.role).toBe("Director General of the National Police (France)");
    expect(plan.statusHistory.map((s) => s.status)).toEqual(["SIGNED"]);
    expect(plan.events.map((e) => e.event.title)).toEqual(["Hammouchi and Lejay sign police security action plan in Rabat"]);
    expect(plan.sources[0]?.publisher).toMatch(/Morocco World News/);
    expect(plan.dyad?.key).toBe("FRA-MAR");
    expect(await codeOf(api.agreements.byId({ id: "no-such-agreement" }))).toBe("NOT_FOUND");
  });

  it("lists the sectors in use, once each, and, in a process that hears no change notices, keeps the list for a minute", async () => {
    const sectors = await api.agreements.sectors();
    expect(sectors).toContain("rail");
    expect(new Set(sectors).size).toBe(sectors.length);
    await createAgreement(db, { title: "New sector", sectors: ["zz-new-sector"] });
    expect(await api.agreements.sectors()).not.toContain("zz-new-sector");
    expect(await agreementSectors({ db, now: Date.now() + 61_000 })).toContain("zz-new-sector");
  });
});
