// `npm run ingest:demo`: the whole ingestion loop on this machine, nothing read from the internet.
// Starts GDELT's stand-in (test/support/gdelt-server.ts: the real February 2015 sample rows, one
// more 15-minute file published every --every seconds) and a news-feed server (the hand-written
// feeds of test/fixtures/feeds) on 127.0.0.1, then `npm start` with GDELT_BASE_URL pointing at the
// stand-in. Then: "Run now" at /admin/jobs, the clusters at /admin/review, a printed feed URL
// registered at /admin/feeds.
//   npm run ingest:demo [-- --every 120]
import "./require-node";
import { spawn } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { startFeedServer, FIXTURE_FEEDS } from "../test/support/feed-server";
import { startGdeltFixtureServer } from "../test/support/gdelt-server";

const { values } = parseArgs({ options: { every: { type: "string", default: "120" }, "gdelt-port": { type: "string", default: "8765" } } });
const every = Number(values.every);
if (!Number.isFinite(every) || every < 1) throw new Error("--every takes a number of seconds, e.g. --every 120");
const log = (line: string) => console.log(`[ingest-demo] ${line}`);

const gdelt = await startGdeltFixtureServer({ port: Number(values["gdelt-port"]) });
const feeds = await startFeedServer();
const pending = gdelt.slots();
const publishNext = () => {
  const slot = pending.shift();
  if (!slot) return;
  gdelt.publish(slot);
  log(`GDELT published the ${slot} files${pending.length ? `; the next in ${every} s` : " (the last sample slot)"}.`);
};
publishNext();
const timer = setInterval(publishNext, every * 1000);
log(`GDELT stand-in: ${gdelt.baseUrl}`);
log(`News feeds to register at /admin/feeds: ${Object.keys(FIXTURE_FEEDS).map((name) => feeds.url(`/feeds/${name}`)).join(" ")}`);

const app = spawn(process.execPath, ["--import", "tsx", path.resolve("scripts/start.ts")], {
  stdio: "inherit",
  env: { ...process.env, GDELT_BASE_URL: gdelt.baseUrl, INGEST: "1", ALLOW_LOOPBACK_TARGETS: "1" },
});
const stop = () => {
  clearInterval(timer);
  void Promise.all([gdelt.close(), feeds.close()]);
};
// Ctrl-C reaches the app too (same terminal); a SIGTERM sent to this process alone is passed
// on. The stand-ins close once the app has stopped.
process.on("SIGINT", () => undefined);
process.on("SIGTERM", () => app.kill("SIGTERM"));
app.on("exit", (code) => {
  stop();
  process.exit(code ?? 0);
});
