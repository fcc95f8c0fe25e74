// What the drafts queue is asked for: its filters and order (the procedure's input, strict) and the
// same filters as the review page's address carries them (text, read leniently: a bad value is
// dropped and named by the page's notice). Bulk decisions: the drafts at the versions shown.
import { z } from "zod";
import { said } from "../shared/said";
import { dyadKey } from "../scope/schemas";
import { recordId } from "../shared/schemas";
import { draftVersionInput, returnDraftInput, type DraftRecordType } from "./schemas";

export const DRAFT_QUEUE_KINDS = ["event", "condition", "agreement"] as const;
export type DraftQueueKind = (typeof DRAFT_QUEUE_KINDS)[number];
export const KIND_RECORD_TYPES: Record<DraftQueueKind, DraftRecordType> = { event: "Event", condition: "Condition", agreement: "Agreement" };

/** Oldest first is the order drafts wait in (the default); newest first; largest effect first. */
export const DRAFT_QUEUE_ORDERS = ["waiting", "newest", "effect"] as const;

/** Drafts proposed from published events have no author: "system" picks them. */
export const SYSTEM_AUTHOR = "system";

/** |after − before| of I, which lies between −100 and 100. */
const MAX_EFFECT = 200;
const EFFECT_MESSAGE = said("numberFromTo", { min: 0, max: MAX_EFFECT });
const minEffect = z.number({ error: EFFECT_MESSAGE }).min(0, EFFECT_MESSAGE).max(MAX_EFFECT, EFFECT_MESSAGE);
const kind = z.enum(DRAFT_QUEUE_KINDS);
const author = z.union([z.literal(SYSTEM_AUTHOR), recordId]);
const order = z.enum(DRAFT_QUEUE_ORDERS);
/** A batch's label as Draft.source stores it ("import: spring visits.csv (2 rows)", "feeds: …"). */
const source = z.string().trim().min(1).max(500, said("atMostChars", { max: 500 }));

/** The drafts queue's filters, as the procedure takes them. */
export const draftQueueInput = z.object({
  kind: kind.optional(),
  dyad: dyadKey.optional(),
  author: author.optional(),
  /** The batch the drafts came in: an import's file, a headline, a GDELT cluster. */
  source: source.optional(),
  /** Least size of the effect: the largest |change| of the draft's preview. */
  minEffect: minEffect.optional(),
  order: order.default("waiting"),
});
export type DraftQueueInput = z.input<typeof draftQueueInput>;
export type DraftQueueFilters = z.output<typeof draftQueueInput>;

/** The same filters in the review page's address; `draftDyad`, since `dyad` is the clusters' filter. */
export const draftQueueAddress = z.object({
  kind: kind.optional(),
  draftDyad: dyadKey.optional(),
  author: author.optional(),
  source: source.optional(),
  minEffect: z.coerce.number().pipe(minEffect).optional(),
  order: order.optional(),
});
export const DRAFT_QUEUE_PARAMS = Object.keys(draftQueueAddress.shape) as (keyof typeof draftQueueAddress.shape)[];

/** Whether the address narrows the queue (the order alone does not). */
export function narrowsDrafts(address: z.output<typeof draftQueueAddress>): boolean {
  return address.kind !== undefined || address.draftDyad !== undefined || address.author !== undefined || address.source !== undefined || address.minEffect !== undefined;
}

/** The procedure's filters from what the address held. */
export function draftQueueFiltersOf(address: z.output<typeof draftQueueAddress>): DraftQueueInput {
  const { draftDyad, ...rest } = address;
  return { ...rest, dyad: draftDyad };
}

/** As many drafts as the queue shows at once. */
export const BULK_MAX = 50;
const draftRefs = z.array(draftVersionInput).min(1).max(BULK_MAX);

export const publishManyInput = z.object({ drafts: draftRefs });
/** One comment for every draft returned. */
export const returnManyInput = z.object({ drafts: draftRefs, comment: returnDraftInput.shape.comment });
