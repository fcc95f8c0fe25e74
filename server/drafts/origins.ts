// What a draft made from another source settles when it is decided: a GDELT cluster accepted with
// edited fields is accepted as the published event; a headline's "Make event" names its event; a
// withdrawn headline draft puts the headline back among the new ones. In the decision's transaction.
import type { Prisma } from "../generated/prisma/client";
import { linkHeadlineToEvent, releaseHeadline } from "../feeds/service";
import { settleCluster } from "../review/decide";

interface Origins {
  fromHeadlineId: string | null;
  fromClusterId: string | null;
}

/** The draft was published as `recordId` by `publisherId`. */
export async function settleOrigins(tx: Prisma.TransactionClient, draft: Origins, recordId: string, publisherId: string): Promise<void> {
  if (draft.fromClusterId) await settleCluster(tx, { clusterId: draft.fromClusterId, reviewerId: publisherId, data: { status: "ACCEPTED", eventId: recordId, automated: false } });
  if (draft.fromHeadlineId) await linkHeadlineToEvent(tx, { actorId: publisherId, id: draft.fromHeadlineId, eventId: recordId });
}

/** The draft was withdrawn by `actorId`. A cluster was never taken from the queue: nothing to undo there. */
export async function releaseOrigins(tx: Prisma.TransactionClient, draft: Origins, actorId: string): Promise<void> {
  if (draft.fromHeadlineId) await releaseHeadline(tx, { actorId, id: draft.fromHeadlineId });
}
