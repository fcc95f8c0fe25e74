// Errors a write can end with, shaped so that forms put them on the right field.
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";

/** A 400 whose message lands on one form field (the error formatter flattens ZodErrors). */
export function fieldError(field: string, message: string): TRPCError {
  return new TRPCError({
    code: "BAD_REQUEST",
    message,
    cause: new ZodError([{ code: "custom", path: field.split("."), message, input: undefined }]),
  });
}

/** Someone saved the record since the editor loaded it: refuse, and say what it holds now. */
export class StaleVersionError extends Error {
  constructor(
    readonly current: { version: number; values: unknown; updatedAt: Date },
  ) {
    super("This record was changed by someone else since you opened it.");
  }
}

export function staleVersion(current: StaleVersionError["current"]): TRPCError {
  return new TRPCError({ code: "CONFLICT", message: "This record was changed since you opened it: review the changes, then save again.", cause: new StaleVersionError(current) });
}
