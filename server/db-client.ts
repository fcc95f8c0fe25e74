// Builds a PrismaClient for a database URL; shared by the app, the seed, scripts and tests.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export function createPrismaClient(databaseUrl: string, options: { poolSize?: number } = {}) {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: options.poolSize ?? Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // Fail fast instead of queueing forever when the server is gone.
    connectionTimeoutMillis: 5_000,
  });
  // Password hashes never leave the database unless a query asks for them by name.
  return new PrismaClient({ adapter, omit: { account: { password: true } } });
}

export type Db = ReturnType<typeof createPrismaClient>;
