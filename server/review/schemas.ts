import { z } from "zod";
import { eventInput } from "../events/schemas";
import { GOLDSTEIN_MAX } from "../method/goldstein";
import { dyadKey } from "../scope/schemas";
import { said } from "../shared/said";
import { recordId, version } from "../shared/schemas";

const SCORE_MESSAGE = said("numberFromTo", { min: 0, max: GOLDSTEIN_MAX });
const SOURCES_MESSAGE = said("wholeNumberFromTo", { min: 0, max: 1000 });
const RULE_SOURCES_MESSAGE = said("wholeNumberFromTo", { min: 1, max: 100 });
/** Least |s| of the cluster's most reported code (s = G × L × V under the GDELT defaults). */
const minScore = z.number({ error: SCORE_MESSAGE }).min(0, SCORE_MESSAGE).max(GOLDSTEIN_MAX, SCORE_MESSAGE);
/** Least number of independent sources (distinct hosts of the reports' links). */
const minSources = z.number({ error: SOURCES_MESSAGE }).int(SOURCES_MESSAGE).min(0, SOURCES_MESSAGE).max(1000, SOURCES_MESSAGE);
/** Where the previous page ended (review/cursor.ts). */
const cursor = z.string().max(200);

/** The queue's filters, as the procedure takes them. */
export const reviewFilters = z.object({ dyad: dyadKey.optional(), minScore: minScore.optional(), minSources: minSources.optional() });

/** The same filters and page as the review page's address carries them (text, read leniently). */
export const reviewAddress = z.object({
  dyad: dyadKey.optional(),
  minScore: z.coerce.number().pipe(minScore).optional(),
  minSources: z.coerce.number().pipe(minSources).optional(),
  after: cursor.optional(),
});

export type ReviewFilters = z.infer<typeof reviewFilters>;

export const reviewQueueInput = reviewFilters.extend({
  cursor: cursor.optional(),
  limit: z.number().int().min(1).max(50).default(20),
});

export const clusterIdInput = z.object({ clusterId: recordId });

/** Edit then accept: the event form's values, saved as the event that settles the cluster. */
export const acceptEditedInput = z.object({ clusterId: recordId, data: eventInput });

export const rejectInput = z.object({
  clusterId: recordId,
  reason: z.string().trim().min(1, said("sayWhyRejected")).max(1000, said("atMostChars", { max: 1000 })),
});

/** A dyad's auto-accept rule as the review page edits it. */
export const autoAcceptRuleInput = z.object({
  dyad: dyadKey,
  enabled: z.boolean(),
  minSources: z.number({ error: RULE_SOURCES_MESSAGE }).int(RULE_SOURCES_MESSAGE).min(1, RULE_SOURCES_MESSAGE).max(100, RULE_SOURCES_MESSAGE),
  minGoldstein: z.number({ error: SCORE_MESSAGE }).min(0, SCORE_MESSAGE).max(GOLDSTEIN_MAX, SCORE_MESSAGE),
  /** The version the editor loaded; absent while the dyad has no rule yet. */
  version: version.optional(),
});

export type AutoAcceptRuleInput = z.infer<typeof autoAcceptRuleInput>;
