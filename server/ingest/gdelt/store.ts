// One export file stored in one transaction: its IngestFile row, its clusters (upserted), its
// reports (one bulk INSERT), or nothing at all. The IngestFile row's unique URL is the file's
// lock: a second run of the same file, even a concurrent one, waits on it and then adds nothing.
// Ids of rows written here are UUIDs made by PostgreSQL (Prisma's cuid() exists only in its client).
import type { Db } from "@/server/db-client";
import type { GdeltCandidate } from "./candidate";

export interface IngestFileFacts {
  url: string;
  slot: Date;
  size: number;
  md5: string;
}

export interface StoreResult {
  /** False when the file had been read before: nothing was written. */
  added: boolean;
  /** Candidates whose dyad is tracked in the Dyad table (the others are dropped). */
  kept: number;
  /** Reports inserted (a report already stored from another file is not repeated). */
  reports: number;
}

export type StoreStep = "file" | "clusters" | "reports";

export interface StoreOptions {
  db: Db;
  file: IngestFileFacts;
  read: number;
  candidates: readonly GdeltCandidate[];
  signal?: AbortSignal;
  /** Called inside the transaction after each step; what it throws rolls the file back (tests). */
  afterStep?: (step: StoreStep) => void;
}

/** A big file on a slow machine takes more than the interactive default of 5 s. */
const STORE_TRANSACTION = { timeout: 120_000, maxWait: 20_000 };

const clusterKey = (c: { dyadId: string; day: string; rootCode: string; actorCode: string; targetCode: string }) =>
  `${c.dyadId}|${c.day}|${c.rootCode}|${c.actorCode}|${c.targetCode}`;

export async function storeExportFile(options: StoreOptions): Promise<StoreResult> {
  const { db, file, signal, afterStep } = options;
  return db.$transaction(async (tx) => {
    const step = (name: StoreStep) => {
      signal?.throwIfAborted();
      afterStep?.(name);
    };
    const dyads = new Map((await tx.dyad.findMany({ where: { tracked: true }, select: { id: true, key: true } })).map((d) => [d.key, d.id]));
    const kept = options.candidates.flatMap((c) => {
      const dyadId = dyads.get(c.dyadKey);
      return dyadId ? [{ ...c, dyadId }] : [];
    });
    const [inserted] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "IngestFile" (id, url, slot, size, md5, "rowsRead", "rowsKept")
      VALUES (gen_random_uuid()::text, ${file.url}, ${file.slot}, ${file.size}, ${file.md5}, ${options.read}, ${kept.length})
      ON CONFLICT (url) DO NOTHING
      RETURNING id`;
    if (!inserted) return { added: false, kept: 0, reports: 0 };
    step("file");
    if (kept.length === 0) return { added: true, kept: 0, reports: 0 };

    const keys = [...new Map(kept.map((c) => [clusterKey(c), c])).values()].map(({ dyadId, day, rootCode, actorCode, targetCode }) => ({ dyadId, day, rootCode, actorCode, targetCode }));
    const clusters = await tx.$queryRaw<{ id: string; dyadId: string; day: string; rootCode: string; actorCode: string; targetCode: string }[]>`
      WITH k AS (
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(keys)}::jsonb)
          AS k("dyadId" text, day date, "rootCode" text, "actorCode" text, "targetCode" text)
      ), matched AS (
        -- A published event of the dyad with the same root code within a day either side:
        -- the new cluster corroborates it instead of queueing as a new candidate.
        SELECT k.*, (
          SELECT e.id FROM "Event" e
          WHERE e."dyadId" = k."dyadId" AND e."archivedAt" IS NULL AND left(e."cameoCode", 2) = k."rootCode"
            AND (e."placementDate" BETWEEN k.day - 1 AND k.day + 1 OR e.date BETWEEN k.day - 1 AND k.day + 1)
          ORDER BY least(abs(e."placementDate" - k.day), abs(e.date - k.day)), e."createdAt", e.id
          LIMIT 1
        ) AS "eventId"
        FROM k
      )
      INSERT INTO "CandidateCluster" (id, "dyadId", day, "rootCode", "actorCode", "targetCode", status, "eventId", "firstSeenAt", "lastSeenAt")
      SELECT gen_random_uuid()::text, m."dyadId", m.day, m."rootCode", m."actorCode", m."targetCode",
        (CASE WHEN m."eventId" IS NULL THEN 'PENDING' ELSE 'CORROBORATING' END)::"CandidateStatus", m."eventId", now(), now()
      FROM matched m
      ON CONFLICT ("dyadId", day, "rootCode", "actorCode", "targetCode") DO UPDATE SET "lastSeenAt" = EXCLUDED."lastSeenAt"
      RETURNING id, "dyadId", to_char(day, 'YYYY-MM-DD') AS day, "rootCode", "actorCode", "targetCode"`;
    step("clusters");

    const clusterIds = new Map(clusters.map((c) => [clusterKey(c), c.id]));
    const reports = kept.map((c) => ({
      globalEventId: c.globalEventId.toString(),
      clusterId: clusterIds.get(clusterKey(c)),
      cameoCode: c.cameoCode,
      goldstein: c.gdeltGoldstein,
      numMentions: c.numMentions,
      numSources: c.numSources,
      numArticles: c.numArticles,
      avgTone: c.avgTone,
      sourceUrl: c.sourceUrl,
      placeName: c.placeName,
      placeLat: c.placeLat,
      placeLon: c.placeLon,
      dateAdded: c.dateAdded.toISOString(),
    }));
    const added = await tx.$executeRaw`
      INSERT INTO "CandidateReport" (id, "globalEventId", "clusterId", "fileId", "cameoCode", goldstein, "numMentions", "numSources",
        "numArticles", "avgTone", "sourceUrl", "placeName", "placeLat", "placeLon", "dateAdded")
      SELECT gen_random_uuid()::text, r."globalEventId", r."clusterId", ${inserted.id}, r."cameoCode", r.goldstein, r."numMentions",
        r."numSources", r."numArticles", r."avgTone", r."sourceUrl", r."placeName", r."placeLat", r."placeLon", r."dateAdded"
      FROM jsonb_to_recordset(${JSON.stringify(reports)}::jsonb) AS r("globalEventId" bigint, "clusterId" text, "cameoCode" text,
        goldstein float8, "numMentions" int, "numSources" int, "numArticles" int, "avgTone" float8, "sourceUrl" text,
        "placeName" text, "placeLat" float8, "placeLon" float8, "dateAdded" timestamp)
      ON CONFLICT ("globalEventId") DO NOTHING`;
    step("reports");
    return { added: true, kept: kept.length, reports: added };
  }, STORE_TRANSACTION);
}

/** Which of these URLs were read already (checked before downloading, to save the download). */
export async function alreadyRead(db: Db, urls: readonly string[]): Promise<Set<string>> {
  if (urls.length === 0) return new Set();
  const rows = await db.ingestFile.findMany({ where: { url: { in: [...urls] } }, select: { url: true } });
  return new Set(rows.map((r) => r.url));
}

/** The newest slot read so far, or null before the first file. */
export async function newestSlotRead(db: Db): Promise<Date | null> {
  const row = await db.ingestFile.findFirst({ orderBy: { slot: "desc" }, select: { slot: true } });
  return row?.slot ?? null;
}
