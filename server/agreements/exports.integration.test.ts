// The Atom feed and the CSV/JSON downloads, as the route handlers answer them, on a real
// seeded database; access by personal feed token.
import { parse as parseCsv } from "csv-parse/sync";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { createAgreement } from "@/prisma/seed/factories";
import { useTestDatabase } from "@/scripts/test/database";
import { createFeedToken, revokeFeedToken } from "../feed-tokens/service";
import { exportAgreements, type ExportFormat } from "./exports";

const ORIGIN = "http://monitor.test";
const PATHS: Record<ExportFormat, string> = {
  atom: "/api/feeds/agreements.atom",
  csv: "/api/exports/agreements.csv",
  json: "/api/exports/agreements.json",
};

interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  published: string;
  link: { "@_href": string; "@_rel": string }[];
  category: { "@_term": string }[];
}

describe("agreement exports", async () => {
  const { db } = await useTestDatabase({ seed: true });
  const user = await db.user.create({ data: { name: "Reader", email: "reader@example.com" }, select: { id: true } });
  const { token } = await createFeedToken({ db, userId: user.id, name: "tests" });

  const get = (format: ExportFormat, query = "", headers: Record<string, string> = {}) =>
    exportAgreements({ db, format, request: new Request(`${ORIGIN}${PATHS[format]}${query}`, { headers }) });
  const withToken = (query = "") => `?token=${token}${query ? `&${query}` : ""}`;

  describe("access", () => {
    it("refuses every format without a token, and says how to get in", async () => {
      for (const format of ["atom", "csv", "json"] as const) {
        const response = await get(format);
        expect(response.status).toBe(401);
        expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
        expect((await response.json()).reason).toMatch(/feed token/);
      }
    });

    it("takes the token from the query or from an Authorization: Bearer header", async () => {
      expect((await get("csv", withToken())).status).toBe(200);
      expect((await get("csv", "", { authorization: `Bearer ${token}` })).status).toBe(200);
      const basic = await get("csv", "", { authorization: "Basic dXNlcjpwYXNz" });
      expect(basic.status).toBe(401);
      expect((await basic.json()).reason).toMatch(/Bearer/);
    });

    it("refuses an unknown token and a revoked one, with the reason", async () => {
      const unknown = await get("json", "?token=mmf_notarealtoken");
      expect(unknown.status).toBe(401);
      expect((await unknown.json()).reason).toMatch(/unknown/);

      const other = await createFeedToken({ db, userId: user.id, name: "to revoke" });
      expect((await get("atom", `?token=${other.token}`)).status).toBe(200);
      expect(await revokeFeedToken({ db, userId: user.id, tokenId: other.id })).toBe(true);
      const revoked = await get("atom", `?token=${other.token}`);
      expect(revoked.status).toBe(401);
      expect((await revoked.json()).reason).toMatch(/revoked/);
    });

    it("answers filters it cannot read with a 400 that names them", async () => {
      const response = await get("csv", withToken("status=WITHDRAWN&from=2025-13-01"));
      expect(response.status).toBe(400);
      const body = (await response.json()) as { problems: { param: string }[] };
      expect(body.problems.map((p) => p.param).sort()).toEqual(["from", "status"]);
    });
  });

  describe("Atom", () => {
    const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["entry", "link", "category"].includes(name) });
    const feedOf = async (query = "") => {
      const response = await get("atom", withToken(query));
      expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
      const xml = await response.text();
      expect(XMLValidator.validate(xml)).toBe(true);
      return { xml, feed: parser.parse(xml).feed };
    };

    it("is a valid Atom document with the required feed and entry elements", async () => {
      const { feed } = await feedOf();
      expect(feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
      expect(feed.id).toBe("tag:maghreb-monitor,2024:agreements");
      expect(feed.title).toBe("Maghreb Monitor — agreements");
      expect(new Date(feed.updated).toISOString()).toBe(feed.updated);
      expect(feed.author.name).toBe("Maghreb Monitor");
      const links = feed.link as { "@_rel": string; "@_href": string }[];
      expect(links.find((l) => l["@_rel"] === "self")?.["@_href"]).toBe(`${ORIGIN}/api/feeds/agreements.atom`);
      expect(links.find((l) => l["@_rel"] === "alternate")?.["@_href"]).toBe(`${ORIGIN}/agreements`);

      const entries = feed.entry as AtomEntry[];
      expect(entries.length).toBeGreaterThanOrEqual(9);
      for (const entry of entries) {
        expect(entry.id).toMatch(/^tag:maghreb-monitor,2024:agreement\/[a-z0-9]+$/);
        expect(entry.title).toBeTruthy();
        expect(new Date(entry.updated).toISOString()).toBe(entry.updated);
        expect(entry.link[0]?.["@_href"]).toBe(`${ORIGIN}/agreements/${entry.id.split("/").at(-1)}`);
      }
      expect(entries[0]?.title).toBe("Morocco–France police and security action plan");
      expect(entries[0]?.category.map((c) => c["@_term"])).toEqual(expect.arrayContaining(["ACTION_PLAN", "SIGNED", "security"]));
    });

    it("keeps entry ids stable, shows edits as updates, and never echoes the token", async () => {
      const before = (await feedOf()).feed.entry as AtomEntry[];
      const first = before[0];
      const id = first?.id.split("/").at(-1) ?? "";
      await db.agreement.update({ where: { id }, data: { summary: "Edited summary." } });
      const { xml, feed } = await feedOf();
      const after = feed.entry as AtomEntry[];
      expect(after.map((e) => e.id)).toEqual(before.map((e) => e.id));
      expect(Date.parse(after[0]?.updated ?? "")).toBeGreaterThan(Date.parse(first?.updated ?? ""));
      expect(feed.updated).toBe(after[0]?.updated);
      expect(xml).not.toContain(token);
    });

    it("applies the filters and names them in the feed's id and title", async () => {
      const { feed } = await feedOf("status=ANTICIPATED&q=visit");
      expect(feed.id).toBe("tag:maghreb-monitor,2024:agreements?q=visit&status=ANTICIPATED");
      expect(feed.title).toMatch(/matching “visit”, status Anticipated/);
      expect((feed.entry as AtomEntry[]).map((e) => e.title)).toEqual(["Expected state visit to France by King Mohammed VI"]);
    });
  });

  describe("Atom in the reader's language", () => {
    it("titles the feed and labels its categories in French, keeping ids and terms", async () => {
      const xml = await (await get("atom", withToken("status=ANTICIPATED&q=visit"), { "accept-language": "fr-FR,fr;q=0.9" })).text();
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(xml).toContain('xml:lang="fr"');
      expect(xml).toContain("<title>Maghreb Monitor — accords contenant « visit », statut Annoncé</title>");
      expect(xml).toContain("<id>tag:maghreb-monitor,2024:agreements?q=visit&amp;status=ANTICIPATED</id>");
      expect(xml).toContain('term="ANTICIPATED" label="Annoncé"');
    });
  });

  describe("CSV and JSON", () => {
    it("escape commas, quotes and line breaks so a CSV reader gets each field back", async () => {
      const title = 'Accord on "ports", rail\nand energy';
      const summary = 'Line one, with a comma\r\nLine two with "quotes"';
      await createAgreement(db, { title, summary, sectors: ["csv-test"], parties: [{ name: "Alpha, Beta & Co" }] });
      const response = await get("csv", withToken("sector=csv-test"));
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="agreements-\d{4}-\d{2}-\d{2}\.csv"$/);
      const records = parseCsv(await response.text(), { bom: true, columns: true }) as Record<string, string>[];
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({ title, summary, parties: "Alpha, Beta & Co", sectors: "csv-test" });
    });

    it("carry the filtered list in feed order, the same in both formats", async () => {
      const csv = parseCsv(await (await get("csv", withToken("dyad=FRA-MAR"))).text(), { bom: true, columns: true }) as { id: string }[];
      const json = (await (await get("json", withToken("dyad=FRA-MAR"))).json()) as {
        filters: unknown;
        agreements: { id: string; amounts: { amount: string }[]; signatories: { name: string }[] }[];
      };
      expect(csv).toHaveLength(9);
      expect(json.filters).toEqual({ dyads: ["FRA-MAR"] });
      expect(json.agreements.map((a) => a.id)).toEqual(csv.map((r) => r.id));
      expect(json.agreements[0]?.signatories.map((s) => s.name)).toEqual(["Abdellatif Hammouchi", "Louis Lejay"]);
      const amounts = json.agreements.flatMap((a) => a.amounts.map((m) => m.amount));
      expect(amounts).toContain("3000000000"); // exact, as text
    });

    it("name the CSV's columns in the reader's language, in the same order, with the same values", async () => {
      const query = withToken("kind=ACTION_PLAN");
      const english = (await (await get("csv", query)).text()).replace(/^\uFEFF/, "").split("\r\n");
      const french = (await (await get("csv", query, { cookie: "NEXT_LOCALE=fr" })).text()).replace(/^\uFEFF/, "").split("\r\n");
      expect(french[0]).toBe(
        "identifiant,adresse,titre,type,statut,date,précision de la date,paire,parties,signataires,secteurs,montants,résumé,lieu,sources,mis à jour le",
      );
      expect(english[0]?.startsWith("id,url,title,kind,status,")).toBe(true);
      expect(french.slice(1)).toEqual(english.slice(1));
      const arabic = (await (await get("csv", query, { "accept-language": "ar-MA,ar;q=0.9" })).text()).replace(/^\uFEFF/, "");
      expect(arabic.startsWith("المعرّف,الرابط,العنوان,")).toBe(true);
    });

    it("stream an export larger than one batch without losing or repeating a row", async () => {
      const dyad = await db.dyad.findUniqueOrThrow({ where: { key: "DZA-MAR" }, select: { id: true } });
      await db.agreement.createMany({
        data: Array.from({ length: 1_234 }, (_, i) => ({
          title: `Bulk agreement ${i}`,
          kind: "MOU" as const,
          status: "SIGNED" as const,
          // Many ties on purpose: the batches' keyset must break them by id.
          date: new Date(Date.UTC(2020, 0, 1 + (i % 7))),
          datePrecision: "DAY" as const,
          sectors: ["bulk"],
          dyadId: dyad.id,
        })),
      });
      const response = await get("json", withToken("dyad=DZA-MAR"));
      const chunks: number[] = [];
      const reader = response.body?.getReader();
      let text = "";
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done } = (await reader?.read()) ?? { done: true, value: undefined };
        if (done || !value) break;
        chunks.push(value.byteLength);
        text += decoder.decode(value, { stream: true });
      }
      const ids = (JSON.parse(text) as { agreements: { id: string }[] }).agreements.map((a) => a.id);
      expect(ids).toHaveLength(1_234);
      expect(new Set(ids).size).toBe(1_234);
      expect(chunks.length).toBeGreaterThan(2); // it came in batches, not as one body

      const csvRows = parseCsv(await (await get("csv", withToken("sector=bulk"))).text(), { bom: true, columns: true }) as { id: string }[];
      expect(csvRows.map((r) => r.id)).toEqual(ids);
    });
  });
});
