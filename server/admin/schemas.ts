import { z } from "zod";
import { said } from "../shared/said";

/** What the audit log records changes of, as the filter offers them. */
export const AUDITED_ENTITIES = ["Event", "Condition", "Agreement", "CandidateCluster", "Draft", "AutoAcceptRule", "NewsFeed", "Headline", "CountryKeywords", "User", "Session", "FeedToken", "Team", "TeamInvitation", "Membership", "SavedView", "AnalystNote", "Job", "AlertRule", "Alert"] as const;

export const auditListInput = z.object({
  entityType: z.enum(AUDITED_ENTITIES).optional(),
  entityId: z.string().trim().max(64).optional(),
  actorId: z.string().trim().max(64).optional(),
  /** The id of the last entry of the previous page (entries come newest first). */
  before: z.string().max(18, said("pageCursorNumber")).regex(/^\d{1,18}$/, said("pageCursorNumber")).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
