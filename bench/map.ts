// Benchmark of the dashboard map (issue 5), in Debian's Chromium (headless, software rendering):
//   - render: 10,000 events through the map's own layer (supercluster index + the groups in
//     view), against 1,000 events the same way and 10,000 plain Leaflet markers (the baseline);
//   - zoom: one zoom step around Rabat (regroup and redraw), for the same three setups;
//   - the size of the lazy map chunk (JS and CSS, gzip) and of the borders file, from the last
//     `next build`, and whether the dashboard's first load includes the chunk (it must not).
// Every time runs to the next painted frame (two requestAnimationFrame callbacks).
// Run: npm run bench:map [-- --runs 25 --warmup 2]   (build first for the chunk sizes: npm run build)
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { build } from "esbuild";
import { fmt, resultsFile, summarize, type Timing } from "./stats";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg("runs", 25);
/** Unmeasured runs before each series (the smoke step of `npm test` asks for none). */
const WARMUP = arg("warmup", 2);
const ZOOM_STEPS = [5, 6, 7, 8, 7, 6, 5, 4];
const log = (line: string) => console.log(`[bench] ${line}`);

interface Sample {
  ms: number;
  scriptMs: number;
  markers: number;
}
type Step = () => Promise<Sample>;

async function measure(label: string, step: Step, runs: number, warmup = WARMUP): Promise<{ timing: Timing; script: Timing; markers: number }> {
  for (let i = 0; i < warmup; i++) await step();
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) samples.push(await step());
  const timing = summarize(samples.map((s) => s.ms));
  const script = summarize(samples.map((s) => s.scriptMs));
  const markers = Math.round(samples.reduce((n, s) => n + s.markers, 0) / samples.length);
  log(`${label}: ${fmt(timing)} · script alone median ${script.medianMs.toFixed(1)} ms · ${markers.toLocaleString("en")} markers drawn on average`);
  return { timing, script, markers };
}

async function main() {
  const harness = await build({
    entryPoints: ["bench/map-harness.ts"],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    logLevel: "warning",
  });
  const script = harness.outputFiles[0]?.text;
  if (!script) throw new Error("esbuild produced no harness");

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const results: Record<string, unknown> = {};
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 560 } });
    await page.setContent("<!doctype html><html><head></head><body style='margin:0'></body></html>");
    await page.addStyleTag({ path: "node_modules/leaflet/dist/leaflet.css" });
    await page.addStyleTag({ path: "app/_components/map/map.css" });
    await page.addScriptTag({ content: script });
    log(`Chromium ${browser.version()}, map 960×500 px, framed at zoom ${await page.evaluate(() => window.bench.frameZoom())}`);

    const zoomSteps = (): Step => {
      let i = 0;
      return () => page.evaluate((z) => window.bench.zoomTo(z), ZOOM_STEPS[i++ % ZOOM_STEPS.length] ?? 5);
    };
    for (const [name, count, kind, runs] of [
      ["clustered1k", 1_000, "clustered", RUNS],
      ["clustered10k", 10_000, "clustered", RUNS],
      // The baseline is slow to draw: a third of the runs, at least 5 (fewer only when fewer are asked).
      ["plain10k", 10_000, "plain", Math.max(Math.min(5, RUNS), Math.round(RUNS / 3))],
    ] as const) {
      const render = (): Promise<Sample> =>
        page.evaluate(([n, k]) => (k === "clustered" ? window.bench.renderClustered(n) : window.bench.renderPlain(n)), [count, kind] as const);
      results[`${name}Render`] = await measure(`render ${count.toLocaleString("en")} events, ${kind}`, render, runs, kind === "plain" ? Math.min(1, WARMUP) : WARMUP);
      await render(); // the layer the zoom steps act on
      results[`${name}Zoom`] = await measure(`zoom step, ${count.toLocaleString("en")} events, ${kind}`, zoomSteps(), kind === "plain" ? runs * 2 : RUNS * 2);
    }
  } finally {
    await browser.close();
  }

  results.chunks = chunkSizes();
  // The load average says how much else ran meanwhile: p95s on a shared machine are mostly that.
  const load = os.loadavg().map((l) => l.toFixed(1)).join(" ");
  const machine = `${os.cpus()[0]?.model ?? "?"} · ${os.cpus().length} cores · ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version} · load ${load}`;
  const file = resultsFile("map");
  // performance.now() is coarsened to 0.1 ms in the page: more decimals would be noise.
  const rounded = (_: string, v: unknown) => (typeof v === "number" && !Number.isInteger(v) ? Math.round(v * 10) / 10 : v);
  writeFileSync(file, JSON.stringify({ machine, runs: RUNS, zoomSteps: ZOOM_STEPS, results }, rounded, 2));
  log(`machine: ${machine}`);
  log(`results written to ${file}`);
}

const gzipped = (file: string) => gzipSync(readFileSync(file)).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** The lazy map chunk is the one holding Leaflet's code; the page's first-load chunks come from its manifest. */
function chunkSizes() {
  const dir = ".next/static/chunks";
  const manifest = ".next/server/app/page_client-reference-manifest.js";
  if (!existsSync(dir) || !existsSync(manifest)) {
    log("no production build: run `npm run build` for the chunk sizes");
    return null;
  }
  const files = readdirSync(dir).map((f) => path.join(dir, f));
  const mapJs = files.filter((f) => f.endsWith(".js") && readFileSync(f, "utf8").includes("leaflet-zoom-anim"));
  const mapCss = files.filter((f) => f.endsWith(".css") && readFileSync(f, "utf8").includes(".leaflet-pane"));
  const entry = /"entryJSFiles":\{[^}]*?"\[project\]\/app\/page":\[([^\]]*)\]/.exec(readFileSync(manifest, "utf8"))?.[1] ?? "";
  const firstLoad = [...entry.matchAll(/"([^"]+)"/g)].map((m) => path.join(".next", m[1] ?? ""));
  const sum = (list: string[], size: (f: string) => number) => list.reduce((n, f) => n + size(f), 0);
  const borders = ".next/server/app/api/map/borders.body";
  const sizes = {
    mapChunkJs: mapJs.map((f) => path.basename(f)),
    mapJsBytes: sum(mapJs, (f) => readFileSync(f).length),
    mapJsGzip: sum(mapJs, gzipped),
    mapCssGzip: sum(mapCss, gzipped),
    mapChunkInFirstLoad: mapJs.some((f) => firstLoad.includes(f)),
    dashboardFirstLoadJsGzip: sum(firstLoad, gzipped),
    bordersBytes: existsSync(borders) ? readFileSync(borders).length : null,
    bordersGzip: existsSync(borders) ? gzipped(borders) : null,
  };
  log(
    `map chunk ${sizes.mapChunkJs.join(", ")}: ${kb(sizes.mapJsBytes)}, ${kb(sizes.mapJsGzip)} gzip (+ ${kb(sizes.mapCssGzip)} CSS gzip); ` +
      `in the dashboard's first load: ${sizes.mapChunkInFirstLoad ? "YES" : "no"} (first load ${kb(sizes.dashboardFirstLoadJsGzip)} JS gzip)`,
  );
  if (sizes.bordersGzip !== null && sizes.bordersBytes !== null) log(`borders: ${kb(sizes.bordersBytes)}, ${kb(sizes.bordersGzip)} gzip`);
  return sizes;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
