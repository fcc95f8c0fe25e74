import { z } from "zod";
import { said } from "../shared/said";

export const createFeedTokenInput = z.object({
  name: z.string().trim().min(1, said("nameToken")).max(80, said("atMostChars", { max: 80 })),
});

export const revokeFeedTokenInput = z.object({ tokenId: z.string().trim().min(1).max(64) });
