import { z } from "zod";

export const runNowInput = z.object({ job: z.string().trim().min(1).max(64) });
