import { z } from "zod";

export const createFeedTokenInput = z.object({
  name: z.string().trim().min(1, "name the token after the reader or script that will use it").max(80, "at most 80 characters"),
});

export const revokeFeedTokenInput = z.object({ tokenId: z.string().trim().min(1).max(64) });
