import { z } from "zod";

export const eventByIdInput = z.object({ id: z.string().trim().min(1).max(64) });
