// Every procedure of the API, read from the router itself, so tests that walk them all (input
// limits, fuzzing) cover a procedure the day it is added.
import { z } from "zod";
import { appRouter } from "@/server/root";

export interface ProcedureEntry {
  path: string;
  kind: "query" | "mutation";
  inputs: z.ZodType[];
}

interface ProcedureDef {
  type: string;
  inputs: unknown[];
}

function defOf(procedure: unknown): ProcedureDef | null {
  if (typeof procedure !== "function" && typeof procedure !== "object") return null;
  const def: unknown = procedure && "_def" in procedure ? procedure._def : null;
  if (!def || typeof def !== "object" || !("type" in def) || !("inputs" in def)) return null;
  const { type, inputs } = def;
  return typeof type === "string" && Array.isArray(inputs) ? { type, inputs } : null;
}

export function allProcedures(): ProcedureEntry[] {
  return Object.entries(appRouter._def.procedures).flatMap(([path, procedure]) => {
    const def = defOf(procedure);
    if (!def || (def.type !== "query" && def.type !== "mutation")) return [];
    const inputs = def.inputs.filter((input): input is z.ZodType => input instanceof z.ZodType);
    return [{ path, kind: def.type, inputs }];
  });
}
