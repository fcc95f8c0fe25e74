// Factories for tests of the GDELT review: a candidate cluster with its reports, written
// directly (as the ingest job would leave them), so the review can be tested without a GDELT file.
// Only what a test cares about is named; ids, files and counts get plausible unique defaults.
import { randomBytes } from "node:crypto";
import type { Db } from "../../server/db-client";
import type { CandidateStatus } from "../../server/generated/prisma/enums";

export interface ReportSpec {
  cameoCode: string;
  /** null: a report without a link (GDELT has some). */
  sourceUrl?: string | null;
  goldstein?: number;
  numMentions?: number;
  numSources?: number;
  avgTone?: number;
  place?: { name: string; lat: number; lon: number };
}

export interface ClusterSpec {
  /** A recorded dyad's key, e.g. "DZA-MAR". */
  dyad: string;
  /** "YYYY-MM-DD" */
  day: string;
  actor: string;
  target: string;
  status?: CandidateStatus;
  /** When the newest report arrived: the queue's order. */
  lastSeenAt?: Date;
  reports: ReportSpec[];
}

/** A GLOBALEVENTID no other test picks: GDELT's are below 2^31 today, these lie far above. */
const uniqueGlobalEventId = () => 10n ** 12n + BigInt(`0x${randomBytes(5).toString("hex")}`);

export async function createCandidateCluster(db: Db, spec: ClusterSpec): Promise<{ id: string }> {
  const dyad = await db.dyad.findUniqueOrThrow({ where: { key: spec.dyad }, select: { id: true } });
  const lastSeenAt = spec.lastSeenAt ?? new Date();
  const file = await db.ingestFile.create({
    data: { url: `http://gdelt.test/${randomBytes(8).toString("hex")}.export.CSV.zip`, slot: lastSeenAt, size: 1000, md5: "0".repeat(32), rowsRead: spec.reports.length, rowsKept: spec.reports.length },
    select: { id: true },
  });
  return db.candidateCluster.create({
    data: {
      dyadId: dyad.id,
      day: new Date(`${spec.day}T00:00:00.000Z`),
      rootCode: (spec.reports[0]?.cameoCode ?? "01").slice(0, 2),
      actorCode: spec.actor,
      targetCode: spec.target,
      status: spec.status ?? "PENDING",
      firstSeenAt: lastSeenAt,
      lastSeenAt,
      reports: {
        create: spec.reports.map((r) => ({
          globalEventId: uniqueGlobalEventId(),
          fileId: file.id,
          cameoCode: r.cameoCode,
          goldstein: r.goldstein ?? 0,
          numMentions: r.numMentions ?? 4,
          numSources: r.numSources ?? 1,
          numArticles: r.numMentions ?? 4,
          avgTone: r.avgTone ?? -2.5,
          sourceUrl: r.sourceUrl === undefined ? `https://news-${randomBytes(3).toString("hex")}.example/article` : r.sourceUrl,
          placeName: r.place?.name ?? null,
          placeLat: r.place?.lat ?? null,
          placeLon: r.place?.lon ?? null,
          dateAdded: lastSeenAt,
        })),
      },
    },
    select: { id: true },
  });
}
