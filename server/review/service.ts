// Reads of the review: the queue's page, one cluster as the event form's values, and the GDELT
// evidence an event's page shows.
import type { Db, DbOrTx } from "../db-client";
import type { Prisma } from "../generated/prisma/client";
import { cameoLabel } from "../method/goldstein";
import { dyadLabel } from "../method/dyad-label";
import { METHOD } from "../method/params";
import { isoDayOf } from "../scope/day";
import { AppError } from "../shared/errors";
import { said } from "../shared/said";
import { decodeQueueCursor, encodeQueueCursor } from "./cursor";
import { clusterLinks, clusterScore, eventValuesOfCluster, GDELT_EVENT_DEFAULTS, QUEUE_LINKS, type ClusterForEvent } from "./gdelt-event";
import { pendingClusters } from "./queue";
import type { ReviewFilters } from "./schemas";

const countrySelect = { code: true, name: true } satisfies Prisma.CountrySelect;

const reportSelect = {
  globalEventId: true,
  cameoCode: true,
  numMentions: true,
  numSources: true,
  numArticles: true,
  avgTone: true,
  sourceUrl: true,
  placeName: true,
  placeLat: true,
  placeLon: true,
} satisfies Prisma.CandidateReportSelect;

/** |s| = |G| × L × V under the GDELT defaults: the weight a queue's least score is divided by. */
const DEFAULT_WEIGHT = METHOD.levelWeights[GDELT_EVENT_DEFAULTS.level] * METHOD.verificationWeights[GDELT_EVENT_DEFAULTS.verification];

/** One page of pending clusters, newest first, with what a reviewer judges them by. */
export async function reviewQueue(input: { db: Db; filters: ReviewFilters; cursor?: string; limit: number }) {
  const { db, filters, limit } = input;
  const after = input.cursor ? decodeQueueCursor(input.cursor) : null;
  if (input.cursor && !after) throw new AppError("BAD_REQUEST", said("queueLinkNotUnderstood"));
  const dyad = filters.dyad ? await db.dyad.findUnique({ where: { key: filters.dyad }, select: { id: true } }) : null;
  if (filters.dyad && !dyad) return { items: [], nextCursor: null };
  const rows = await pendingClusters(
    db,
    { dyadIds: dyad ? [dyad.id] : undefined, minSources: filters.minSources, magnitude: filters.minScore ? { min: filters.minScore, weight: DEFAULT_WEIGHT } : undefined },
    after,
    limit + 1,
  );
  const page = rows.slice(0, limit);
  const ids = page.map((r) => r.id);
  const [dyads, countries, reports] = await Promise.all([
    db.dyad.findMany({ where: { id: { in: [...new Set(page.map((r) => r.dyadId))] } }, select: { id: true, key: true, a: { select: countrySelect }, b: { select: countrySelect } } }),
    db.country.findMany({ where: { code: { in: [...new Set(page.flatMap((r) => [r.actorCode, r.targetCode]))] } }, select: countrySelect }),
    db.candidateReport.findMany({ where: { clusterId: { in: ids } }, select: { clusterId: true, ...reportSelect } }),
  ]);
  const dyadOf = new Map(dyads.map((d) => [d.id, d]));
  const nameOf = new Map(countries.map((c) => [c.code, c.name]));
  const items = page.map((row) => {
    const dyadRow = dyadOf.get(row.dyadId);
    return {
      id: row.id,
      dyad: dyadRow ? { key: dyadRow.key, label: dyadLabel(dyadRow) } : { key: "", label: "" },
      day: isoDayOf(row.day),
      actor: { code: row.actorCode, name: nameOf.get(row.actorCode) ?? row.actorCode },
      target: { code: row.targetCode, name: nameOf.get(row.targetCode) ?? row.targetCode },
      cameo: { code: row.code, label: cameoLabel(row.code) ?? `${row.code} (not in the CAMEO codebook)` },
      score: clusterScore(row.code),
      reports: row.reports,
      sources: row.sources,
      tone: row.tone,
      links: clusterLinks(reports.filter((r) => r.clusterId === row.id))
        .slice(0, QUEUE_LINKS)
        .map(({ url, host }) => ({ url, host })),
      lastSeenAt: row.lastSeenAt,
    };
  });
  const last = page.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeQueueCursor(last) : null };
}

/** A cluster with its reports, as the event form and Accept start from it; null when there is none. */
export async function clusterForEvent(db: DbOrTx, clusterId: string) {
  const cluster = await db.candidateCluster.findUnique({
    where: { id: clusterId },
    select: {
      id: true,
      status: true,
      day: true,
      reviewedAt: true,
      reviewedBy: { select: { name: true } },
      dyad: { select: { key: true } },
      actorCode: true,
      targetCode: true,
      reports: { select: reportSelect },
    },
  });
  if (!cluster) return null;
  const countries = await db.country.findMany({ where: { code: { in: [cluster.actorCode, cluster.targetCode] } }, select: countrySelect });
  const named = (code: string) => ({ code, name: countries.find((c) => c.code === code)?.name ?? code });
  const forEvent: ClusterForEvent = { day: isoDayOf(cluster.day), dyadKey: cluster.dyad.key, actor: named(cluster.actorCode), target: named(cluster.targetCode), reports: cluster.reports };
  return { ...cluster, values: eventValuesOfCluster(forEvent) };
}

/** What "edit then accept" opens the event form with: the cluster's values, while it waits for review. */
export async function clusterDraft(input: { db: Db; clusterId: string }) {
  const cluster = await clusterForEvent(input.db, input.clusterId);
  if (!cluster) throw new AppError("NOT_FOUND", said("noSuchCluster"));
  refuseDecided(cluster);
  if (!cluster.values) throw new AppError("UNPROCESSABLE_CONTENT", said("clusterNoCameo"));
  return { clusterId: cluster.id, values: cluster.values };
}

/** The conflict a second reviewer meets: who decided, and when. */
export function refuseDecided(cluster: { status: string; reviewedAt: Date | null; reviewedBy: { name: string } | null }): void {
  if (cluster.status === "PENDING") return;
  const at = cluster.reviewedAt ? cluster.reviewedAt.toISOString().slice(0, 16).replace("T", " ") : "";
  const what = cluster.status === "REJECTED" ? "rejected" : cluster.status === "ACCEPTED" ? "accepted" : "attached";
  const by = cluster.reviewedBy?.name ?? "";
  const byRule = cluster.reviewedBy ? "no" : "yes";
  throw new AppError("CONFLICT", said("clusterAlreadyDecided", { what, by, byRule, at, dated: at ? "yes" : "no" }));
}

/** The GDELT evidence behind an event: the clusters accepted as it or corroborating it; null when there is none. */
export async function gdeltEvidence(input: { db: DbOrTx; eventId: string }) {
  const clusters = await input.db.candidateCluster.findMany({
    where: { eventId: input.eventId, status: { in: ["ACCEPTED", "CORROBORATING"] } },
    select: { id: true, status: true, automated: true, reports: { select: reportSelect, orderBy: { globalEventId: "asc" } } },
    orderBy: { firstSeenAt: "asc" },
  });
  if (clusters.length === 0) return null;
  const reports = clusters.flatMap((c) => c.reports);
  const links = clusterLinks(reports);
  return {
    automated: clusters.some((c) => c.status === "ACCEPTED" && c.automated),
    corroborating: clusters.filter((c) => c.status === "CORROBORATING").length,
    reports: reports.length,
    sources: new Set(links.map((l) => l.host)).size,
    tone: reports.length ? reports.reduce((sum, r) => sum + r.avgTone, 0) / reports.length : null,
    globalEventIds: reports.slice(0, 50).map((r) => r.globalEventId.toString()),
    links: links.slice(0, 20).map(({ url, host }) => ({ url, host })),
  };
}
