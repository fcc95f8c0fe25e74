// The import's bulk path (one unnest statement per table per batch, ids and times made in the
// app) writes what Prisma's createMany wrote: the same events, sources in the same order, links,
// IMPORT audit entries and index; and a row someone else imported meanwhile still stops it all.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/scripts/test/database";
import { fromDay, toDay } from "../method/day";
import type { BulkPath } from "../records/pipeline";
import { parseImportCsv } from "./csv";
import { planImport } from "./plan";
import { ImportConflictError, runImport } from "./write";

const HEADER = "external_id,title,summary,date,date_precision,dyad,actor,target,cameo_code,level,verification,place_name,place_lat,place_lon,agreement_ids,source_1_publisher,source_1_title,source_1_url,source_2_publisher,source_2_title,source_2_url";
const daysAgo = (n: number) => fromDay(toDay(new Date()) - n);

describe("the import's bulk writes", async () => {
  const { db } = await useTestDatabase({ seed: true });
  const today = toDay(new Date());
  const [agreement] = await db.agreement.findMany({ take: 1, select: { id: true } });
  const { id: actorId } = (await db.user.findFirst({ select: { id: true } })) ?? (await db.user.create({ data: { email: "bulk@example.com", name: "Bulk" }, select: { id: true } }));

  const file = (prefix: string) =>
    [
      HEADER,
      `${prefix}-1,Talks in Rabat,"A summary, with a comma",${daysAgo(4)},DAY,FRA-MAR,FRA,MAR,042,MINISTER,CONFIRMED,Rabat,34.02,-6.84,${agreement?.id ?? ""},MAP,First report,https://example.org/${prefix}/1a,AFP,Second report,https://example.org/${prefix}/1b`,
      `${prefix}-2,Visa dispute,,${daysAgo(40)},MONTH,DZA-FRA,DZA,FRA,112,HEAD_OF_STATE,REPORTED,,,,,APS,Only report,https://example.org/${prefix}/2,,,`,
    ].join("\n");

  async function importWith(prefix: string, path: BulkPath) {
    const parsed = parseImportCsv(file(prefix));
    if (!parsed.ok) throw new Error(parsed.problems.join(" "));
    const plan = await planImport({ db, rows: parsed.rows, today });
    return runImport({ db, actorId, plan, today, path });
  }

  const written = async (prefix: string) => {
    const events = await db.event.findMany({
      where: { externalId: { startsWith: `${prefix}-` } },
      orderBy: { externalId: "asc" },
      include: { sources: { orderBy: { id: "asc" } }, agreements: true },
    });
    const audit = await db.auditLog.findMany({ where: { entityId: { in: events.map((e) => e.id) } }, orderBy: { id: "asc" } });
    const strip = (text: string) => text.replaceAll(`/${prefix}/`, "/");
    return {
      events: events.map(({ id, externalId: _externalId, createdAt, updatedAt, sources, agreements, ...rest }) => {
        expect(createdAt).toEqual(updatedAt);
        expect(Math.abs(createdAt.getTime() - Date.now())).toBeLessThan(60_000);
        return { ...rest, sources: sources.map(({ id: _id, eventId, ...s }) => ({ ...s, url: strip(s.url), eventId: eventId === id })), agreements: agreements.map((a) => a.agreementId) };
      }),
      audit: audit.map((a) => ({ action: a.action, actorId: a.actorId, entityType: a.entityType, before: a.before, after: JSON.parse(strip(JSON.stringify(a.after))) })),
    };
  };

  it("writes the same rows by unnest as Prisma's createMany did, with ids in the same shape", async () => {
    expect(await importWith("unnest", "unnest")).toMatchObject({ created: 2 });
    expect(await importWith("prisma", "createMany")).toMatchObject({ created: 2 });
    const [bulk, baseline] = [await written("unnest"), await written("prisma")];
    expect(bulk).toEqual(baseline);
    // Read back in id order, the sources keep the order the input (and so the audit entry) holds.
    const titles = bulk.events[0]?.sources.map((s) => s.title);
    expect(titles).toHaveLength(2);
    expect(bulk.audit[0]?.after).toMatchObject({ sources: titles?.map((title) => ({ title })) });
    expect(bulk.audit.map((a) => a.action)).toEqual(["IMPORT", "IMPORT"]);
    const ids = await db.event.findMany({ where: { externalId: { startsWith: "unnest-" } }, select: { id: true } });
    for (const { id } of ids) expect(id).toMatch(/^c[0-9a-z]{24}$/);
  });

  it("stops with nothing written when another import took one of the file's external ids meanwhile", async () => {
    const parsed = parseImportCsv(file("race"));
    if (!parsed.ok) throw new Error(parsed.problems.join(" "));
    const plan = await planImport({ db, rows: parsed.rows, today });
    await importWith("race", "unnest");
    const [events, audit] = [await db.event.count(), await db.auditLog.count()];
    await expect(runImport({ db, actorId, plan, today })).rejects.toBeInstanceOf(ImportConflictError);
    expect([await db.event.count(), await db.auditLog.count()]).toEqual([events, audit]);
  });
});
