import { z } from "zod";

export const latestAgreementsInput = z.object({
  limit: z.number().int().min(1).max(50).default(10),
});

/** How many agreements the dashboard shows before "Show more". */
export const LATEST_AGREEMENTS_PAGE = 10;
