// Personal feed tokens: what their owner names them, and how one is referred to.
import { z } from "zod";

export const feedTokenInput = z.object({
  name: z.string().trim().min(1, "Name the token after where you use it").max(80, "At most 80 characters"),
});

export const feedTokenIdInput = z.object({ tokenId: z.string().min(1).max(64) });
