// A reviewer's decision on a pending cluster. Accept writes the event through the record pipeline
// (createEvent: validation, sources, CREATE audit entry, index refresh) with provenance GDELT, and
// settles the cluster in that same transaction; Reject keeps the cluster, with its reason, so
// later reports of it stay attached and it never returns to the queue. A cluster someone else
// decided first is refused with CONFLICT, whichever of the two checks sees it.
import { recordAudit } from "../admin/audit";
import type { Db } from "../db-client";
import type { Prisma } from "../generated/prisma/client";
import { createEvent } from "../events/write";
import { eventInput, type EventInput } from "../events/schemas";
import { DRAFT_KINDS } from "../drafts/kinds";
import { submitDrafts } from "../drafts/submit";
import { sameEvent } from "../import/compare";
import { isoDayOf } from "../scope/day";
import { AppError, fieldError } from "../shared/errors";
import { said } from "../shared/said";
import { clusterForEvent, refuseDecided } from "./service";

interface Decision {
  db: Db;
  clusterId: string;
  /** Null for the auto-accept rule. */
  reviewerId: string | null;
  today: number;
}

async function pendingCluster(db: Db, clusterId: string) {
  const cluster = await clusterForEvent(db, clusterId);
  if (!cluster) throw new AppError("NOT_FOUND", said("noSuchCluster"));
  refuseDecided(cluster);
  return cluster;
}

type Outcome = { status: "ACCEPTED"; eventId: string; automated: boolean } | { status: "REJECTED"; rejectReason: string };

/** Moves the cluster from PENDING, in the caller's transaction; CONFLICT when another decision got there first. */
export async function settleCluster(tx: Prisma.TransactionClient, input: { clusterId: string; reviewerId: string | null; data: Outcome }) {
  const { count } = await tx.candidateCluster.updateMany({
    where: { id: input.clusterId, status: "PENDING" },
    data: { ...input.data, reviewedById: input.reviewerId, reviewedAt: new Date() },
  });
  if (count === 0) {
    const now = await tx.candidateCluster.findUnique({ where: { id: input.clusterId }, select: { status: true, reviewedAt: true, reviewedBy: { select: { name: true } } } });
    if (!now) throw new AppError("NOT_FOUND", said("noSuchCluster"));
    refuseDecided(now);
    throw new AppError("CONFLICT", said("clusterChangedMeanwhile"));
  }
  await recordAudit({
    db: tx,
    actorId: input.reviewerId,
    action: "UPDATE",
    entityType: "CandidateCluster",
    entityId: input.clusterId,
    before: { status: "PENDING" },
    after: input.data,
  });
}

/**
 * Publishes the cluster as an event: `data` when the reviewer edited the form, else the cluster's
 * own values (gdelt-event.ts). Returns the event's id.
 */
export async function acceptCluster(input: Decision & { data?: EventInput; automated?: boolean }): Promise<{ eventId: string }> {
  const { db, clusterId, reviewerId, today, automated = false } = input;
  const cluster = await pendingCluster(db, clusterId);
  const data = input.data ?? cluster.values;
  if (!data) throw new AppError("UNPROCESSABLE_CONTENT", said("clusterNoCameo"));
  if (data.dyad !== cluster.dyad.key) throw new AppError("BAD_REQUEST", said("clusterDyadFixed", { dyad: cluster.dyad.key }), { fields: { "data.dyad": [said("keepClusterDyad", { dyad: cluster.dyad.key })] } });
  const { id } = await createEvent({
    db,
    actorId: reviewerId,
    data,
    today,
    origin: { provenance: "GDELT" },
    alongside: (tx, event) => settleCluster(tx, { clusterId, reviewerId, data: { status: "ACCEPTED", eventId: event.id, automated } }),
  });
  return { eventId: id };
}

/**
 * "Edit then accept": GDELT's own values accepted as reported stay a publish (the machine reported,
 * the admin is the second pair of eyes), as does any accept while review is off. With review
 * required, changed fields are the admin's own record: they become a draft, authored by the admin,
 * that accepts the cluster when another admin publishes it. The cluster stays in the queue meanwhile.
 */
export async function acceptEditedCluster(
  input: Decision & { reviewerId: string; data: EventInput; reviewRequired: boolean },
): Promise<{ eventId: string; draftId?: never } | { draftId: string; eventId?: never }> {
  const { db, clusterId, reviewerId, data, today } = input;
  const cluster = await pendingCluster(db, clusterId);
  // GDELT's values read as the form's schema reads the admin's, so only a real edit differs.
  const reported = cluster.values && eventInput.safeParse(cluster.values).data;
  if (!input.reviewRequired || (reported && sameEvent(data, reported))) return acceptCluster(input);
  if (data.dyad !== cluster.dyad.key) throw fieldError("BAD_REQUEST", "data.dyad", said("keepClusterDyad", { dyad: cluster.dyad.key }));
  await DRAFT_KINDS.Event.checkReferences(db, data, today);
  const draftId = await db.$transaction(async (tx) => {
    if (await tx.draft.count({ where: { fromClusterId: clusterId, status: { in: ["PENDING", "RETURNED"] } } })) throw new AppError("CONFLICT", said("clusterDraftOpen"));
    const [id = ""] = await submitDrafts(tx, {
      authorId: reviewerId,
      source: `gdelt: ${cluster.dyad.key} ${isoDayOf(cluster.day)}`,
      drafts: [{ recordType: "Event", values: data, title: data.title, provenance: "GDELT", fromClusterId: clusterId }],
    });
    return id;
  });
  return { draftId };
}

/** Rejects the cluster for good, with the reviewer's reason. */
export async function rejectCluster(input: Decision & { reason: string }): Promise<{ clusterId: string }> {
  const { db, clusterId, reviewerId, reason } = input;
  await pendingCluster(db, clusterId);
  await db.$transaction((tx) => settleCluster(tx, { clusterId, reviewerId, data: { status: "REJECTED", rejectReason: reason } }));
  return { clusterId };
}
