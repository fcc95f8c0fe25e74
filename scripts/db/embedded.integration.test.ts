// Starting the embedded PostgreSQL on a port something else holds: one sentence that names the
// port and what to set, where the package rejects with nothing ("[maghreb] undefined").
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { freePort } from "../free-port";
import { startEmbeddedPostgres } from "./embedded";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

it("says which port is taken and what to set, when another program holds it", async () => {
  const port = await freePort();
  const holder: Server = createServer();
  await new Promise<void>((resolve) => holder.listen(port, "127.0.0.1", resolve));
  cleanups.push(() => new Promise<void>((resolve) => holder.close(() => resolve())));
  const folder = await mkdtemp(path.join(tmpdir(), "maghreb-port-taken-"));
  await chmod(folder, 0o755); // as root, the server runs as `postgres`, who must enter it
  cleanups.push(() => rm(folder, { recursive: true, force: true }));

  const refusal: unknown = await startEmbeddedPostgres({ dataDir: path.join(folder, "data"), port, persistent: false }).then(
    async (cluster) => (await cluster.stop(), null),
    (error: unknown) => error,
  );
  expect(refusal).toBeInstanceOf(Error);
  expect((refusal as Error).message).toMatch(new RegExp(`is another program using port ${port}\\? Set EMBEDDED_PG_PORT to a free port, or DATABASE_URL`));
});
