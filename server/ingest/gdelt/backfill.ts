// Backfill: every export file of a range of days from the base URL's masterfilelist.txt, or the
// export files of a local folder (zipped or not), oldest first, each stored whole or not at all.
// Files already read are skipped, so an interrupted backfill is simply run again.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_LIMITS, fetchListing } from "./download";
import { GdeltFileError } from "./errors";
import { ingestListedFile, ingestRows, type FileOutcome, type GdeltIngestOptions } from "./ingest";
import { exportFiles, slotOf } from "./listing";
import { alreadyRead } from "./store";
import { looksZipped, unzippedChunks } from "./unzip";

export interface BackfillResult {
  files: FileOutcome[];
  /** Files skipped because an earlier run read them. */
  skipped: number;
}

type BackfillOptions = Omit<GdeltIngestOptions, "maxFilesPerRun" | "catchUpHours">;

const progress = (options: BackfillOptions, i: number, n: number, outcome: FileOutcome) =>
  options.log?.(`[${i}/${n}] ${outcome.slot.toISOString()} ${outcome.read} rows read, ${outcome.kept} kept${outcome.added ? "" : " (already read)"}`);

/** Every export file whose slot falls on the days from…to (inclusive, UTC). */
export async function backfillDays(options: BackfillOptions & { from: string; to: string }): Promise<BackfillResult> {
  const start = Date.parse(`${options.from}T00:00:00Z`);
  const end = Date.parse(`${options.to}T00:00:00Z`) + 86_400_000;
  const listed = exportFiles(
    await fetchListing(`${options.baseUrl.replace(/\/+$/, "")}/masterfilelist.txt`, {
      signal: options.signal,
      limits: { ...DEFAULT_LIMITS, ...options.limits },
      keep: (f) => f.kind === "export" && f.slot.getTime() >= start && f.slot.getTime() < end,
    }),
  );
  const read = await alreadyRead(options.db, listed.map((f) => f.url));
  const todo = listed.filter((f) => !read.has(f.url));
  options.log?.(`${listed.length} export files listed from ${options.from} to ${options.to}, ${read.size} read before, ${todo.length} to read.`);
  const files: FileOutcome[] = [];
  for (const [i, file] of todo.entries()) {
    const outcome = await ingestListedFile(file, options);
    files.push(outcome);
    progress(options, i + 1, todo.length, outcome);
  }
  return { files, skipped: read.size };
}

const LOCAL_NAME = /^(\d{14})\.export\.csv(\.zip)?$/i;

/** The export files of a folder (`<YYYYMMDDHHMMSS>.export.CSV[.zip]`), stored under their GDELT URL. */
export async function backfillFolder(options: BackfillOptions & { dir: string }): Promise<BackfillResult> {
  const names = (await readdir(options.dir)).filter((n) => LOCAL_NAME.test(n)).sort();
  if (names.length === 0) throw new GdeltFileError("download", `${options.dir} holds no <YYYYMMDDHHMMSS>.export.CSV[.zip] file`);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const base = options.baseUrl.replace(/\/+$/, "");
  const urlOf = (name: string) => `${base}/${name.slice(0, 14)}.export.CSV.zip`;
  const read = await alreadyRead(options.db, names.map(urlOf));
  const todo = names.filter((n) => !read.has(urlOf(n)));
  options.log?.(`${names.length} export files in ${options.dir}, ${names.length - todo.length} read before, ${todo.length} to read.`);
  const files: FileOutcome[] = [];
  for (const [i, name] of todo.entries()) {
    const slot = slotOf(name.slice(0, 14));
    if (!slot) throw new GdeltFileError("download", `${name}: ${name.slice(0, 14)} is not a 15-minute slot`);
    const bytes = await readFile(path.join(options.dir, name));
    const zipped = looksZipped(bytes);
    if (!zipped && bytes.length > limits.maxUncompressedBytes) throw new GdeltFileError("download", `${name} is over the cap of ${limits.maxUncompressedBytes} bytes`);
    const chunks = zipped
      ? unzippedChunks(bytes, { maxUncompressedBytes: limits.maxUncompressedBytes })
      : (async function* () {
          yield bytes;
        })();
    const md5 = createHash("md5").update(bytes).digest("hex");
    const outcome = await ingestRows({ url: urlOf(name), slot, size: bytes.length, md5 }, chunks, options);
    files.push(outcome);
    progress(options, i + 1, todo.length, outcome);
  }
  return { files, skipped: names.length - todo.length };
}
