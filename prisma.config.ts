// Read by `prisma generate`. Migrations do not go through the Prisma CLI here (it would
// download a native engine): see scripts/db/migrate.ts.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
