// A benchmark in miniature for app-server.integration.test.ts: starts the app server on the
// database and port it is given, prints the server's pid, and waits to be signalled.
import { startAppServer } from "../app-server";

const [databaseUrl, port] = process.argv.slice(2);
const server = await startAppServer({ databaseUrl: databaseUrl ?? "", port: Number(port) });
process.stdout.write(`${JSON.stringify({ pid: server.pid })}\n`);
setInterval(() => undefined, 60_000);
