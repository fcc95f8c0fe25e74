import { Prisma } from "../generated/prisma/client";

/** A unique key taken: P2002 from Prisma's own writes, the adapter's classification from a raw (unnest) statement. */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  const adapterError = error.meta?.driverAdapterError;
  return typeof adapterError === "object" && adapterError !== null && "cause" in adapterError && typeof adapterError.cause === "object" && adapterError.cause !== null && "kind" in adapterError.cause && adapterError.cause.kind === "UniqueConstraintViolation";
}
