import { z } from "zod";
import { dashboardFilter } from "../views/state";

export const latestAgreementsInput = dashboardFilter.safeExtend({
  limit: z.number().int().min(1).max(50).default(10),
});
export type LatestAgreementsInput = z.input<typeof latestAgreementsInput>;

/** How many agreements the dashboard shows before "Show more". */
export const LATEST_AGREEMENTS_PAGE = 10;
