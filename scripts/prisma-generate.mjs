// `prisma generate` needs no schema engine, yet the CLI insists on finding one and would try
// to download it (this workplace is offline). Pointing it at any existing file satisfies the
// check; migrations use the WebAssembly engine instead (scripts/db/schema-engine.ts).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const result = spawnSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: fileURLToPath(import.meta.url), PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
process.exit(result.status ?? 1);
